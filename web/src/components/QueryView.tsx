// Honest states for every request: loading, "database unavailable, retrying", an unknown
// id, other failures (with a retry button) — never a blank page.
import type { ReactNode } from "react";
import type { QueryState } from "../api/useQuery";

interface Props<R> {
  state: QueryState<R>;
  /** What is being loaded, e.g. "the comparison table". */
  what: string;
  children: (data: R) => ReactNode;
}

export function QueryView<R>({ state, what, children }: Props<R>) {
  switch (state.status) {
    case "loading":
      return (
        <p className="status" role="status" aria-live="polite">
          Loading {what}…
        </p>
      );
    case "retrying":
      return (
        <div className="status status-warn" role="alert" data-status="retrying">
          <strong>
            {state.error.kind === "unavailable" ? "Database unavailable, retrying" : "API unreachable, retrying"}
          </strong>{" "}
          in {state.seconds} s (attempt {state.attempt}). {what[0]?.toUpperCase()}
          {what.slice(1)} will appear as soon as it answers.
        </div>
      );
    case "error":
      return (
        <div className="status status-error" role="alert" data-status={state.error.kind}>
          <p>
            <strong>{state.error.kind === "not-found" ? "Not found." : `Could not load ${what}.`}</strong>{" "}
            {state.error.message}
          </p>
          {state.error.kind === "other" ? (
            <button type="button" onClick={state.retry}>
              Try again
            </button>
          ) : null}
        </div>
      );
    case "ok":
      return <>{children(state.data)}</>;
  }
}
