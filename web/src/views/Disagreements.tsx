// Where the sources disagree (with themselves): the quality notes, each side quoted with
// its locator and document, filterable by kind and document.
import { useLocation, useSearch } from "wouter";
import { Link } from "wouter";
import { QualityNotesQuery } from "../api/queries";
import { useQuery } from "../api/useQuery";
import { KindBadge } from "../components/Badges";
import { Page } from "../components/Page";
import { QueryView } from "../components/QueryView";
import { SourceQuote } from "../components/SourceQuote";
import type { ResultOf } from "../api/graphql";
import { pathFor } from "../lib/links";
import { readDisagreements, writeDisagreements } from "../lib/urlState";

type Note = ResultOf<typeof QualityNotesQuery>["qualityNotes"][number];

const KIND_HELP: Record<string, string> = {
  PROSE_VS_TABLE: "the prose and a table give different figures or readings",
  CITATION_MISMATCH: "a citation does not match the reference list or another citation",
  NAME_VARIANT: "the same thing under different names",
  MISPRINT: "an apparent misprint",
  TOTAL_MISMATCH: "counts or totals that do not add up",
};

export function Disagreements() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = readDisagreements(search);
  const all = useQuery(QualityNotesQuery, { document: null });
  const notes = useQuery(QualityNotesQuery, { document: state.document }, { keepPrevious: true });
  const documents =
    all.status === "ok"
      ? [...new Map(all.data.qualityNotes.flatMap((n) => n.sides.map((s) => [s.document.id, s.document]))).values()]
      : [];
  return (
    <Page
      title="Where the sources disagree"
      intro={
        <p>
          Places where a source document disagrees with itself or with the other: each note is this project's
          description, and each side is quoted with where it stands, so that you can judge.
        </p>
      }
    >
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Kind
          <select
            value={state.kind ?? ""}
            onChange={(e) =>
              navigate(`/disagreements${writeDisagreements({ ...state, kind: e.target.value || null })}`)
            }
          >
            <option value="">all kinds</option>
            {Object.keys(KIND_HELP).map((k) => (
              <option key={k} value={k}>
                {k.toLowerCase().replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Document
          <select
            value={state.document ?? ""}
            onChange={(e) =>
              navigate(`/disagreements${writeDisagreements({ ...state, document: e.target.value || null })}`)
            }
          >
            <option value="">both documents</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryView state={notes} what="the quality notes">
        {({ qualityNotes }) => {
          const shown = state.kind ? qualityNotes.filter((n) => n.kind === state.kind) : qualityNotes;
          return shown.length ? (
            <>
              <p role="status" className="result-count">
                {shown.length} note{shown.length === 1 ? "" : "s"}
                {state.kind ? ` of kind “${state.kind.toLowerCase().replace(/_/g, " ")}”` : ""}
              </p>
              <ol className="notes">
                {shown.map((note) => (
                  <NoteView key={note.id} note={note} />
                ))}
              </ol>
            </>
          ) : (
            <p className="status" data-status="empty">
              No quality note matches these filters.
            </p>
          );
        }}
      </QueryView>
    </Page>
  );
}

export function NoteView({ note }: { note: Note }) {
  return (
    <li className="note" data-note={note.id} data-kind={note.kind}>
      <p className="note-head">
        <KindBadge kind={note.kind} />
        {KIND_HELP[note.kind] ? <span className="muted"> {KIND_HELP[note.kind]}</span> : null}
      </p>
      <p className="summary">
        <span className="label">Our description:</span> {note.summary}
      </p>
      {note.concerns.length ? (
        <p className="concerns">
          Concerns:{" "}
          {note.concerns.map((c, i) => {
            const href = pathFor(c);
            const label = /^https?:/.test(c.label) ? c.kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() : c.label;
            return (
              <span key={c.id}>
                {i ? "; " : ""}
                {href ? <Link href={href}>{label}</Link> : label}
              </span>
            );
          })}
        </p>
      ) : null}
      <ol className="sides">
        {note.sides.map((side, i) => (
          <li key={side.id} className="side">
            <span className="side-label">Side {i + 1}</span>
            <SourceQuote source={side} />
          </li>
        ))}
      </ol>
    </li>
  );
}
