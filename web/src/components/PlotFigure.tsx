// An Observable Plot chart in React, sized to its container. Plot puts a <style> element
// into each chart; it is removed before the chart enters the page (the same rules are in
// styles.css under .plot), so that pages need no 'unsafe-inline' style policy.
import { useEffect, useRef, useState } from "react";

export function useWidth<T extends HTMLElement>(fallback = 640) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function PlotFigure({ render, label }: { render: () => SVGSVGElement | HTMLElement; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = render();
    for (const style of chart.querySelectorAll("style")) style.remove();
    // Plot names its mark groups with aria-label, which ARIA does not allow on a plain <g>;
    // the holder's role="img" and label describe the chart, the table beside it has the data.
    for (const group of chart.querySelectorAll("g[aria-label]")) {
      group.setAttribute("data-mark", group.getAttribute("aria-label") ?? "");
      group.removeAttribute("aria-label");
    }
    holder.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [render]);
  return <div ref={holder} className="plot-holder" role="img" aria-label={label} />;
}
