// The selected cell: its words, stance (our interpretation, with why), conditions, the
// quote with locator and document, and the evidence counts leading to the evidence chain.
import { useEffect } from "react";
import { Link } from "wouter";
import { StanceBadge } from "../../components/Badges";
import { Interpretation, SourceQuote } from "../../components/SourceQuote";
import type { ResultOf } from "../../api/graphql";
import type { ComparisonQuery } from "../../api/queries";
import { shortId } from "../../lib/ids";

type Table = ResultOf<typeof ComparisonQuery>["comparisonTable"];
type Row = Table["rows"][number];

function locate(table: Table, cellId: string) {
  for (const row of table.rows) {
    const index = row.cells.findIndex((cell) => cell.id === cellId);
    const cell = row.cells[index];
    const column = table.columns[index];
    if (cell && column) return { cell, row: row as Row, column };
  }
  return null;
}

export function CellDetails({ table, cellId, onClose }: { table: Table; cellId: string | null; onClose: () => void }) {
  useEffect(() => {
    if (!cellId) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [cellId, onClose]);

  if (!cellId) return null;
  const found = locate(table, cellId);
  if (!found) {
    return (
      <aside className="cell-details" aria-label="Cell details">
        <p role="alert">The selected cell ({shortId(cellId)}) is not in this table.</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </aside>
    );
  }
  const { cell, row, column } = found;
  const blank = cell.stance === "NOT_ADDRESSED";
  const { supports, contradicts, qualifies, mixed } = cell.evidence;
  const total = supports + contradicts + qualifies + mixed;
  return (
    <aside className="cell-details" aria-labelledby="cell-details-heading" data-cell={cell.id}>
      <div className="details-head">
        <h2 id="cell-details-heading" tabIndex={-1} data-focus="cell-details">
          {column.label} × {row.theme.number != null ? `${row.theme.number}. ` : ""}
          {row.theme.proposition}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close cell details">
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <dl className="facts">
        <dt>As printed</dt>
        <dd className="details-text">{blank ? <em>blank in the source</em> : cell.text}</dd>
        <dt>Stance</dt>
        <dd>
          <StanceBadge stance={cell.stance} interpreted={cell.interpretedBy != null} />
          <Interpretation by={cell.interpretedBy} rationale={cell.rationale} what="stance" />
        </dd>
        {cell.conditions.length ? (
          <>
            <dt>Depends on</dt>
            <dd>{cell.conditions.join("; ")}</dd>
          </>
        ) : null}
        <dt>Source</dt>
        <dd>{cell.source ? <SourceQuote source={cell.source} /> : "No source recorded."}</dd>
        <dt>Evidence</dt>
        <dd>
          {total
            ? `${supports} supporting, ${contradicts} contradicting, ${qualifies} qualifying, ${mixed} mixed.`
            : "No findings yet."}{" "}
          {cell.id ? <Link href={`/evidence/${encodeURIComponent(shortId(cell.id))}`}>Evidence chain</Link> : null}
        </dd>
      </dl>
    </aside>
  );
}
