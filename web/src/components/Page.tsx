// A view's frame: its title (document title too) and heading, which takes the focus when
// the user navigates to another view, so that keyboard and screen-reader users start there.
import { type ReactNode, useEffect, useRef } from "react";

let firstView = true;

export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · SME Internationalization Knowledge Graph`;
  }, [title]);
  useEffect(() => {
    if (firstView) {
      firstView = false;
      return;
    }
    heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <div className="intro">{intro}</div> : null}
      {children}
    </>
  );
}
