// The expert panel's factors: each factor's categories as bars by the share of experts
// who named them (with N), items on demand, and where the prose gives another figure than
// the table, shown on the bar (◆) and beside it with both passages quoted.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { FactorsQuery, QualityNotesQuery } from "../api/queries";
import { type QueryState, useQuery } from "../api/useQuery";
import { KindBadge } from "../components/Badges";
import { Page } from "../components/Page";
import { PlotFigure, useWidth } from "../components/PlotFigure";
import { QueryView } from "../components/QueryView";
import { SourceQuote } from "../components/SourceQuote";
import type { ResultOf } from "../api/graphql";
import { byGroup, disagreeingFigures, factorIds, notesConcerning, percent } from "../lib/factors";
import { shortId } from "../lib/ids";
import { readFactors, writeFactors } from "../lib/urlState";

type Factor = ResultOf<typeof FactorsQuery>["factors"][number];
type Category = Factor["categories"][number];
type Note = ResultOf<typeof QualityNotesQuery>["qualityNotes"][number];

const BAR = "#1d4e89";
const PROSE = "#b8470b";

export function Factors() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = readFactors(search);
  const factors = useQuery(FactorsQuery, {});
  const notes = useQuery(QualityNotesQuery, { document: null });
  return (
    <Page
      title="Factors of SME internationalization"
      intro={
        <p>
          The six factors the expert panel found, each category with the share of experts who named it, as the paper's
          tables print it. Where the paper's prose gives another figure for the same category, the bar carries a{" "}
          <span className="prose-mark">◆</span> and both passages are quoted beside it.
        </p>
      }
    >
      <QueryView state={factors} what="the factors">
        {(data) => {
          const list = [...data.factors].sort((a, b) => a.order - b.order);
          const chosen =
            list.find((f) => f.id === state.factor) ??
            list.find((f) => state.open.some((id) => factorIds(f).has(id))) ??
            list[0];
          if (!chosen) return <p className="status">The knowledge base holds no factors.</p>;
          const panel = data.expertPanels[0];
          return (
            <div className="factors-layout">
              <nav aria-label="Factors" className="factor-list">
                <ol>
                  {list.map((f) => (
                    <li key={f.id}>
                      <Link
                        href={`/factors${writeFactors({ factor: f.id, open: [] })}`}
                        aria-current={f.id === chosen.id ? "page" : undefined}
                      >
                        {f.order}. {f.label}
                      </Link>
                    </li>
                  ))}
                </ol>
                {panel ? (
                  <details className="panel-info">
                    <summary>The panel: N = {panel.size} experts</summary>
                    {panel.selection ? <p>{panel.selection}</p> : null}
                    {panel.method ? <p>{panel.method}</p> : null}
                  </details>
                ) : null}
              </nav>
              <FactorView
                factor={chosen}
                open={state.open}
                notes={notes.status === "ok" ? notes.data.qualityNotes : null}
                notesState={notes}
                onToggle={(id) => {
                  const open = state.open.includes(id) ? state.open.filter((o) => o !== id) : [...state.open, id];
                  navigate(`/factors${writeFactors({ factor: chosen.id, open })}`, { replace: true });
                }}
              />
            </div>
          );
        }}
      </QueryView>
    </Page>
  );
}

function FactorView({
  factor,
  open,
  notes,
  notesState,
  onToggle,
}: {
  factor: Factor;
  open: string[];
  notes: Note[] | null;
  notesState: QueryState<ResultOf<typeof QualityNotesQuery>>;
  onToggle: (id: string) => void;
}) {
  const groups = useMemo(() => byGroup(factor.categories), [factor]);
  const concerning = notes ? notesConcerning(notes, factorIds(factor)) : [];
  const n = factor.categories[0]?.sampleSize;
  return (
    <article className="factor" data-factor={factor.id} aria-labelledby="factor-heading">
      <h2 id="factor-heading">
        {factor.order}. {factor.label}
        {n != null ? <span className="sample-size"> (N = {n} experts)</span> : null}
      </h2>
      {factor.sources[0] ? (
        <details className="factor-source">
          <summary>Where the paper names this factor</summary>
          {factor.sources.map((s) => (
            <SourceQuote key={s.id} source={s} compact />
          ))}
        </details>
      ) : null}
      <div className="factor-body">
        <div className="factor-charts">
          {groups.map(({ group, categories }) => (
            <section key={group?.id ?? "all"} className="factor-group" aria-label={group?.label ?? factor.label}>
              {group ? <h3>{group.label}</h3> : null}
              <ShareChart categories={categories} title={group?.label ?? factor.label} />
            </section>
          ))}
          <p className="chart-key">
            <span className="key-bar" aria-hidden="true" /> share in the paper's table{" "}
            <span className="prose-mark" aria-hidden="true">
              ◆
            </span>{" "}
            another figure in the prose
          </p>
        </div>
        <aside className="factor-notes" aria-labelledby="factor-notes-heading">
          <h3 id="factor-notes-heading">Where the paper disagrees with itself here</h3>
          <QueryView state={notesState} what="the quality notes">
            {() =>
              concerning.length ? (
                <ul>
                  {concerning.map((note) => (
                    <li key={note.id} className="note-brief">
                      <KindBadge kind={note.kind} /> {note.summary}
                      <details>
                        <summary>Both sides quoted ({note.sides.length})</summary>
                        {note.sides.map((s) => (
                          <SourceQuote key={s.id} source={s} compact />
                        ))}
                      </details>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>No quality note concerns this factor.</p>
              )
            }
          </QueryView>
        </aside>
      </div>
      <CategoryTable factor={factor} open={open} onToggle={onToggle} />
    </article>
  );
}

function ShareChart({ categories, title }: { categories: Category[]; title: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const left = Math.min(Math.round(width * 0.42), 250);
  const render = useCallback(() => {
    const prose = categories.flatMap((c) => disagreeingFigures(c).map((f) => ({ label: c.label, share: f.share })));
    return Plot.plot({
      width,
      height: 36 * categories.length + 48,
      marginLeft: left,
      marginRight: 44,
      className: "plot",
      style: { fontSize: "13px" },
      x: { domain: [0, 1], label: "Share of the panel →", tickFormat: "%", grid: true, ticks: width < 420 ? 4 : 10 },
      y: { domain: categories.map((c) => c.label), label: null },
      marks: [
        Plot.barX(categories, { x: "share", y: "label", fill: BAR }),
        Plot.text(categories, {
          x: "share",
          y: "label",
          text: (c: Category) => percent(c.share),
          dx: 4,
          textAnchor: "start",
          fill: "#111",
        }),
        Plot.dot(prose, { x: "share", y: "label", symbol: "diamond", r: 6, fill: PROSE, stroke: "white" }),
        // lineWidth is in ems (13 px here): long labels wrap within the margin.
        Plot.axisY({ tickSize: 0, lineWidth: Math.max(6, Math.floor((left - 12) / 13)) }),
        Plot.ruleX([0]),
      ],
    });
  }, [categories, width, left]);
  const summary = categories.map((c) => `${c.label} ${percent(c.share)}`).join(", ");
  return (
    <div ref={ref} className="share-chart" data-chart={title}>
      <PlotFigure render={render} label={`Bar chart, ${title}: ${summary}. The table below gives the same figures.`} />
    </div>
  );
}

function CategoryTable({ factor, open, onToggle }: { factor: Factor; open: string[]; onToggle: (id: string) => void }) {
  const groups = byGroup(factor.categories);
  return (
    <div className="table-scroll" role="region" aria-labelledby="categories-caption" tabIndex={0}>
      <table className="categories" data-testid="categories">
        <caption id="categories-caption">Categories of “{factor.label}”, their shares and items</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Share (table)</th>
            <th scope="col">Prose says</th>
            <th scope="col">Items</th>
          </tr>
        </thead>
        {groups.map(({ group, categories }) => (
          <tbody key={group?.id ?? "all"}>
            {group ? (
              <tr className="group-row">
                <th scope="colgroup" colSpan={4}>
                  {group.label}
                </th>
              </tr>
            ) : null}
            {categories.map((c) => (
              <CategoryRow key={c.id} category={c} open={open.includes(c.id)} onToggle={onToggle} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function CategoryRow({
  category: c,
  open,
  onToggle,
}: {
  category: Category;
  open: boolean;
  onToggle: (id: string) => void;
}) {
  const differing = disagreeingFigures(c);
  const itemsId = `items-${shortId(c.id)}`;
  return (
    <tr data-category={c.id}>
      <th scope="row">
        {c.label}
        {c.source ? (
          <details className="row-source">
            <summary>source</summary>
            <SourceQuote source={c.source} compact />
          </details>
        ) : null}
      </th>
      <td className="share">
        {percent(c.share)} <span className="muted">of N = {c.sampleSize}</span>
      </td>
      <td className="prose">
        {differing.length ? (
          differing.map((f) => (
            <div key={f.id} className="disagreement" data-prose-share={f.share}>
              <span className="prose-mark" aria-hidden="true">
                ◆
              </span>{" "}
              <strong>{percent(f.share)}</strong> in the prose, {percent(c.share)} in the table
              {f.rationale ? <p className="rationale">{f.rationale}</p> : null}
              {f.source ? (
                <details>
                  <summary>Both passages</summary>
                  <SourceQuote source={f.source} compact />
                  {c.source ? <SourceQuote source={c.source} compact /> : null}
                </details>
              ) : null}
            </div>
          ))
        ) : (
          <span className="muted">{c.reportedFigures.length ? "the same figure" : "—"}</span>
        )}
      </td>
      <td className="items">
        {c.items.length ? (
          <>
            <button type="button" aria-expanded={open} aria-controls={itemsId} onClick={() => onToggle(c.id)}>
              {open ? "Hide" : "Show"} {c.items.length} item{c.items.length === 1 ? "" : "s"}
              <span className="visually-hidden"> of {c.label}</span>
            </button>
            <ul id={itemsId} hidden={!open}>
              {[...c.items]
                .sort((a, b) => a.order - b.order)
                .map((item) => (
                  <li key={item.id}>{item.label}</li>
                ))}
            </ul>
          </>
        ) : (
          <span className="muted">none listed</span>
        )}
      </td>
    </tr>
  );
}
