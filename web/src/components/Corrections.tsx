// A retraction, correction or expression of concern recorded for a work (by a curator,
// `smekg retract`), shown wherever a finding or study rests on it, with reason and notice.
import type { ResultOf } from "../api/graphql";
import type { CorrectionFields } from "../api/queries";

type Correction = ResultOf<typeof CorrectionFields>;

export const CORRECTION_LABELS: Record<Correction["kind"], string> = {
  RETRACTION: "Retracted",
  CORRECTION: "Corrected",
  EXPRESSION_OF_CONCERN: "Expression of concern",
};

function Notice({ notice }: { notice: string }) {
  return /^https?:\/\//.test(notice) ? (
    <a href={notice} rel="noreferrer">
      {notice}
    </a>
  ) : (
    <span>{notice}</span>
  );
}

export function Corrections({ corrections, what }: { corrections: readonly Correction[]; what: string }) {
  if (!corrections.length) return null;
  return (
    <div className="corrections" role="note" aria-label={`Corrections of ${what}`}>
      {corrections.map((c) => (
        <p key={c.id} data-correction={c.kind}>
          <span className="badge correction">
            <span aria-hidden="true">⚠ </span>
            {CORRECTION_LABELS[c.kind]}
          </span>{" "}
          {c.reason} Notice: <Notice notice={c.notice} />
          {c.recordedAt ? <span className="muted"> (recorded {c.recordedAt.slice(0, 10)})</span> : null}
        </p>
      ))}
    </div>
  );
}
