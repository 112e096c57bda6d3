// The comparison builder: Table 1 of the review by default; perspectives (columns) and
// themes (rows) picked, dropped and reordered; a cell's quote, locator, document and
// whether its stance is our interpretation; footnotes; exports of exactly this table.
import { useEffect, useRef } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { CatalogueQuery, ComparisonQuery } from "../api/queries";
import { useQuery } from "../api/useQuery";
import { StanceBadge } from "../components/Badges";
import { Page } from "../components/Page";
import { QueryView } from "../components/QueryView";
import type { ResultOf } from "../api/graphql";
import { shortId } from "../lib/ids";
import { add, exportUrl, move, notChosen, remove, TABLE_FORMATS } from "../lib/selection";
import { type ComparisonState, readComparison, writeComparison } from "../lib/urlState";
import { AddControl } from "./comparison/AddControl";
import { CellDetails } from "./comparison/CellDetails";

type Table = ResultOf<typeof ComparisonQuery>["comparisonTable"];
type Cell = Table["rows"][number]["cells"][number];

function focusLater(key: string | null, fallback: string | null): void {
  requestAnimationFrame(() => {
    const find = (k: string | null) =>
      k ? document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(k)}"]:not([disabled])`) : null;
    (find(key) ?? find(fallback))?.focus();
  });
}

export function Comparison() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = readComparison(search);
  const table = useQuery(
    ComparisonQuery,
    { perspectives: state.perspectives, themes: state.themes },
    { keepPrevious: true },
  );
  const catalogue = useQuery(CatalogueQuery, {});
  const pendingFocus = useRef<[string | null, string | null] | null>(null);

  const go = (next: ComparisonState, focus?: [string | null, string | null]) => {
    pendingFocus.current = focus ?? null;
    navigate(`/comparison${writeComparison(next)}`);
  };

  const data = table.status === "ok" ? table.data.comparisonTable : null;
  const fresh = table.status === "ok" && !table.stale;
  useEffect(() => {
    if (fresh && pendingFocus.current) {
      const [key, fallback] = pendingFocus.current;
      pendingFocus.current = null;
      focusLater(key, fallback);
    }
  }, [fresh, data, search]);

  // The URL's selection when there is one (it is ahead of a table still loading), else the
  // default table's; changes find items by id, so a click on a stale table stays right.
  const columns = state.perspectives ?? data?.columns.map((c) => c.id) ?? [];
  const rows = state.themes ?? data?.rows.map((r) => r.theme.id) ?? [];
  const withColumns = (perspectives: string[]) => ({ ...state, perspectives, themes: rows, cell: state.cell });
  const withRows = (themes: string[]) => ({ ...state, perspectives: columns, themes, cell: state.cell });
  const isDefault = state.perspectives === null && state.themes === null;

  return (
    <Page
      title="Comparison of perspectives"
      intro={
        <p>
          What each theoretical perspective predicts on each theme, as the review's Table 1 prints it. Pick, drop and
          reorder perspectives and themes; select a cell for its quote and source. The stance badges are this project's
          reading of the cell's words (marked <span aria-hidden="true">*</span>
          <span className="visually-hidden">with an asterisk</span>).
        </p>
      }
    >
      <QueryView state={table} what="the comparison table">
        {({ comparisonTable: t }) => (
          <>
            <div className="toolbar" aria-label="Table controls" role="group">
              <QueryView state={catalogue} what="the perspectives and themes">
                {({ perspectives, themes }) => (
                  <>
                    <AddControl
                      label="Add a perspective"
                      options={notChosen(perspectives, columns).map((p) => ({ id: p.id, label: p.label }))}
                      onAdd={(id) => go(withColumns(add(columns, id)), [`col-remove:${id}`, null])}
                    />
                    <AddControl
                      label="Add a theme"
                      options={notChosen(themes, rows).map((th) => ({
                        id: th.id,
                        label: `${th.number != null ? `${th.number}. ` : ""}${th.proposition}`,
                      }))}
                      onAdd={(id) => go(withRows(add(rows, id)), [`row-remove:${id}`, null])}
                    />
                  </>
                )}
              </QueryView>
              {!isDefault ? (
                <Link className="button" href="/comparison">
                  Reset to Table 1
                </Link>
              ) : null}
            </div>
            <div className={`comparison-layout${state.cell ? " with-details" : ""}`}>
              <ComparisonTable
                table={t}
                selected={state.cell}
                stale={table.status === "ok" && table.stale === true}
                onMoveColumn={(id, d) => {
                  const [dir, back] = d < 0 ? ["left", "right"] : ["right", "left"];
                  go(withColumns(move(columns, columns.indexOf(id), d)), [`col-${dir}:${id}`, `col-${back}:${id}`]);
                }}
                onRemoveColumn={(id) => {
                  const i = columns.indexOf(id);
                  go(withColumns(remove(columns, i)), [`col-remove:${columns[i + 1] ?? columns[i - 1] ?? ""}`, null]);
                }}
                onMoveRow={(id, d) => {
                  const [dir, back] = d < 0 ? ["up", "down"] : ["down", "up"];
                  go(withRows(move(rows, rows.indexOf(id), d)), [`row-${dir}:${id}`, `row-${back}:${id}`]);
                }}
                onRemoveRow={(id) => {
                  const i = rows.indexOf(id);
                  go(withRows(remove(rows, i)), [`row-remove:${rows[i + 1] ?? rows[i - 1] ?? ""}`, null]);
                }}
                onSelect={(cell) => {
                  pendingFocus.current = ["cell-details", null];
                  navigate(
                    `/comparison${writeComparison({ perspectives: state.perspectives, themes: state.themes, cell })}`,
                  );
                }}
              />
              <CellDetails
                table={t}
                cellId={state.cell}
                onClose={() => {
                  const closing = state.cell;
                  go({ ...state, cell: null }, [`cell:${closing ?? ""}`, null]);
                }}
              />
            </div>
            <Footnotes table={t} />
            <section className="exports" aria-labelledby="exports-heading">
              <h2 id="exports-heading">Export this table</h2>
              <p>
                Exactly the perspectives and themes on screen, in this order, each cell with its source (document,
                locator, verbatim quote).
              </p>
              <ul className="button-row">
                {TABLE_FORMATS.map(({ format, label }) => (
                  <li key={format}>
                    <a className="button" href={exportUrl(format, columns, rows)} download data-export={format}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </QueryView>
    </Page>
  );
}

interface TableProps {
  table: Table;
  selected: string | null;
  stale: boolean;
  onMoveColumn: (id: string, delta: -1 | 1) => void;
  onRemoveColumn: (id: string) => void;
  onMoveRow: (id: string, delta: -1 | 1) => void;
  onRemoveRow: (id: string) => void;
  onSelect: (cellId: string) => void;
}

function ComparisonTable(props: TableProps) {
  const { table, selected, stale } = props;
  const marks = new Map(table.footnotes.map((f) => [f.attachedTo, f]));
  const nCols = table.columns.length;
  const nRows = table.rows.length;
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby="comparison-caption"
      tabIndex={0}
      aria-busy={stale || undefined}
    >
      <table className="comparison" data-testid="comparison-table">
        <caption id="comparison-caption">
          {nCols} perspective{nCols === 1 ? "" : "s"} × {nRows} theme{nRows === 1 ? "" : "s"}
          {stale ? " (updating…)" : ""}
        </caption>
        <thead>
          <tr>
            <td className="corner">Theme (proposition)</td>
            {table.columns.map((col, i) => {
              const note = marks.get(col.id);
              return (
                <th key={col.id} scope="col" data-column={col.id}>
                  <span className="col-label">{col.label}</span>
                  {note ? (
                    <sup>
                      <a href={`#fn-${shortId(note.id)}`} aria-label={`footnote ${note.mark ?? ""}`}>
                        {note.mark ?? "*"}
                      </a>
                    </sup>
                  ) : null}
                  {col.family ? <span className="family">{col.family.label}</span> : null}
                  <span className="tools">
                    <button
                      type="button"
                      data-focus={`col-left:${col.id}`}
                      aria-label={`Move ${col.label} left`}
                      disabled={i === 0}
                      onClick={() => props.onMoveColumn(col.id, -1)}
                    >
                      <span aria-hidden="true">←</span>
                    </button>
                    <button
                      type="button"
                      data-focus={`col-right:${col.id}`}
                      aria-label={`Move ${col.label} right`}
                      disabled={i === nCols - 1}
                      onClick={() => props.onMoveColumn(col.id, 1)}
                    >
                      <span aria-hidden="true">→</span>
                    </button>
                    <button
                      type="button"
                      data-focus={`col-remove:${col.id}`}
                      aria-label={`Drop ${col.label}`}
                      disabled={nCols === 1}
                      onClick={() => props.onRemoveColumn(col.id)}
                    >
                      <span aria-hidden="true">✕</span>
                    </button>
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row.theme.id} data-row={row.theme.id}>
              <th scope="row">
                {row.theme.number != null ? <span className="theme-number">{row.theme.number}. </span> : null}
                <span className="proposition">{row.theme.proposition}</span>
                <span className="theme-label">{row.theme.label}</span>
                <span className="tools">
                  <button
                    type="button"
                    data-focus={`row-up:${row.theme.id}`}
                    aria-label={`Move “${row.theme.proposition}” up`}
                    disabled={r === 0}
                    onClick={() => props.onMoveRow(row.theme.id, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    data-focus={`row-down:${row.theme.id}`}
                    aria-label={`Move “${row.theme.proposition}” down`}
                    disabled={r === nRows - 1}
                    onClick={() => props.onMoveRow(row.theme.id, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    data-focus={`row-remove:${row.theme.id}`}
                    aria-label={`Drop “${row.theme.proposition}”`}
                    disabled={nRows === 1}
                    onClick={() => props.onRemoveRow(row.theme.id)}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </span>
              </th>
              {row.cells.map((cell, c) => (
                <CellView
                  key={`${row.theme.id} ${table.columns[c]?.id ?? c}`}
                  cell={cell}
                  column={table.columns[c]?.label ?? ""}
                  selected={cell.id !== null && cell.id === selected}
                  onSelect={props.onSelect}
                />
              ))}
            </tr>
          ))}
          <tr className="representative">
            <th scope="row">
              <span className="proposition">Representative articles</span>
            </th>
            {table.columns.map((col) => (
              <td key={col.id}>
                <span className="rep-text">{col.representativeArticles?.text ?? ""}</span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function CellView({
  cell,
  column,
  selected,
  onSelect,
}: {
  cell: Cell;
  column: string;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const blank = cell.stance === "NOT_ADDRESSED" || cell.text === "";
  const content = (
    <>
      <span className="cell-text">{cell.text}</span>
      {blank ? (
        <span className="blank-reason">
          {cell.rationale ??
            (cell.id ? "Blank in the source." : `No prediction of ${column} on this theme in the sources.`)}
        </span>
      ) : null}
      <StanceBadge stance={cell.stance} interpreted={cell.interpretedBy != null} />
    </>
  );
  return (
    <td className={`cell${blank ? " cell-blank" : ""}${selected ? " cell-selected" : ""}`} data-stance={cell.stance}>
      {cell.id ? (
        <button
          type="button"
          className="cell-button"
          data-focus={`cell:${cell.id}`}
          aria-pressed={selected}
          onClick={() => cell.id && onSelect(cell.id)}
        >
          {content}
        </button>
      ) : (
        <div className="cell-static">{content}</div>
      )}
    </td>
  );
}

function Footnotes({ table }: { table: Table }) {
  if (!table.footnotes.length) return null;
  const labels = new Map(table.columns.map((c) => [c.id, c.label]));
  return (
    <section className="footnotes" aria-labelledby="footnotes-heading">
      <h2 id="footnotes-heading">Notes to the table</h2>
      <ol>
        {table.footnotes.map((note) => (
          <li key={note.id} id={`fn-${shortId(note.id)}`} value={Number(note.mark) || undefined}>
            <span className="footnote-text">{note.text}</span>{" "}
            <span className="attached">(on {labels.get(note.attachedTo) ?? shortId(note.attachedTo)})</span>
            {note.source ? (
              <span className="footnote-source">
                {" "}
                — {note.source.locator}, {note.source.document.label}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
