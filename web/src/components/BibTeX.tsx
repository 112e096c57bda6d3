// A work's BibTeX entry, exactly as /works.bib gives it, fetched when the user opens it.
import { useState } from "react";

type State = { status: "idle" | "loading" } | { status: "ok"; text: string } | { status: "error"; message: string };

export function bibtexUrl(id: string): string {
  return `/works.bib?${new URLSearchParams({ id }).toString()}`;
}

export function BibTeX({ id }: { id: string }) {
  const [state, setState] = useState<State>({ status: "idle" });
  const load = async (open: boolean) => {
    if (!open || state.status === "ok" || state.status === "loading") return;
    setState({ status: "loading" });
    try {
      const response = await fetch(bibtexUrl(id));
      if (response.status === 503) throw new Error("Database unavailable: try again in a moment.");
      if (!response.ok) throw new Error(`The API answered HTTP ${response.status}.`);
      setState({ status: "ok", text: await response.text() });
    } catch (error) {
      setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <details className="bibtex" onToggle={(event) => void load(event.currentTarget.open)}>
      <summary>BibTeX</summary>
      {state.status === "ok" ? (
        <pre tabIndex={0} aria-label="BibTeX entry">
          {state.text}
        </pre>
      ) : state.status === "error" ? (
        <p role="alert">{state.message}</p>
      ) : (
        <p role="status">Loading…</p>
      )}
      <a href={bibtexUrl(id)} download>
        Download .bib
      </a>
    </details>
  );
}
