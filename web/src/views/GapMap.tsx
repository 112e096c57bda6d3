// The evidence gap map: perspectives × themes, each cell the findings that bear on that
// perspective's prediction, by relation. Colour is one sequential hue (lightness only);
// the counts are printed; a cell with none is drawn as a gap. A cell opens its evidence chain.
import { Link, useLocation, useSearch } from "wouter";
import { EvidenceMapQuery } from "../api/queries";
import { useQuery } from "../api/useQuery";
import { Page } from "../components/Page";
import { QueryView } from "../components/QueryView";
import type { ResultOf } from "../api/graphql";
import { heatColour, textOn } from "../lib/colour";
import { shortId } from "../lib/ids";
import { COLOUR_BY, type ColourBy, readGapMap, writeEvidence, writeGapMap } from "../lib/urlState";

type MapCell = ResultOf<typeof EvidenceMapQuery>["evidenceMap"][number];

const COUNTS = [
  { key: "supports", abbr: "S", label: "supporting", by: "SUPPORTS" },
  { key: "contradicts", abbr: "C", label: "contradicting", by: "CONTRADICTS" },
  { key: "qualifies", abbr: "Q", label: "qualifying", by: "QUALIFIES" },
  { key: "mixed", abbr: "M", label: "mixed", by: "MIXED" },
] as const;

const BY_LABELS: Record<ColourBy, string> = {
  ALL: "All findings",
  SUPPORTS: "Supporting",
  CONTRADICTS: "Contradicting",
  QUALIFIES: "Qualifying",
  MIXED: "Mixed",
};

function total(cell: MapCell): number {
  return cell.supports + cell.contradicts + cell.qualifies + cell.mixed;
}

function measure(cell: MapCell, by: ColourBy): number {
  if (by === "ALL") return total(cell);
  const count = COUNTS.find((c) => c.by === by);
  return count ? cell[count.key] : 0;
}

export function GapMap() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = readGapMap(search);
  const { colourBy, excludeCorrected } = state;
  const map = useQuery(EvidenceMapQuery, { excludeCorrected }, { keepPrevious: true });
  return (
    <Page
      title="Evidence gap map"
      intro={
        <p>
          How many findings the sources report on each perspective's prediction for each theme, by how they bear on it
          (relations are this project's interpretation). An empty cell is a gap: no finding is linked to that prediction
          (findings on the theme's proposition as a whole are listed in the chain). Select a cell for its evidence
          chain.
        </p>
      }
    >
      <fieldset className="segmented">
        <legend>Colour by</legend>
        {COLOUR_BY.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="colour-by"
              value={option}
              checked={colourBy === option}
              onChange={() => navigate(`/gaps${writeGapMap({ ...state, colourBy: option })}`, { replace: true })}
            />
            {BY_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <label className="toggle">
        <input
          type="checkbox"
          checked={excludeCorrected}
          onChange={(e) => navigate(`/gaps${writeGapMap({ ...state, excludeCorrected: e.target.checked })}`)}
        />
        Leave out findings on studies since retracted or corrected
      </label>
      <QueryView state={map} what="the evidence map">
        {({ evidenceMap }) => <Grid cells={evidenceMap} by={colourBy} excludeCorrected={excludeCorrected} />}
      </QueryView>
    </Page>
  );
}

function Grid({ cells, by, excludeCorrected }: { cells: MapCell[]; by: ColourBy; excludeCorrected: boolean }) {
  if (!cells.length) return <p className="status">The knowledge base has no predictions to map.</p>;
  const perspectives = [...new Map(cells.map((c) => [c.perspective.id, c.perspective])).values()];
  const themes = [...new Map(cells.map((c) => [c.theme.id, c.theme])).values()];
  const at = new Map(cells.map((c) => [`${c.perspective.id} ${c.theme.id}`, c]));
  const max = Math.max(0, ...cells.map((c) => measure(c, by)));
  const gaps = cells.filter((c) => total(c) === 0).length;
  return (
    <>
      <Legend max={max} by={by} />
      <div className="table-scroll" role="region" aria-labelledby="gap-caption" tabIndex={0}>
        <table className="gap-map" data-testid="gap-map">
          <caption id="gap-caption">
            Findings per perspective and theme; {gaps} of {cells.length} cells are gaps
          </caption>
          <thead>
            <tr>
              <td className="corner">Theme</td>
              {perspectives.map((p) => (
                <th key={p.id} scope="col">
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme.id}>
                <th scope="row">
                  {theme.number != null ? `${theme.number}. ` : ""}
                  {theme.proposition}
                </th>
                {perspectives.map((p) => {
                  const cell = at.get(`${p.id} ${theme.id}`);
                  return (
                    <td key={p.id}>
                      {cell ? <HeatCell cell={cell} by={by} max={max} excludeCorrected={excludeCorrected} /> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function HeatCell({
  cell,
  by,
  max,
  excludeCorrected,
}: {
  cell: MapCell;
  by: ColourBy;
  max: number;
  excludeCorrected: boolean;
}) {
  const n = total(cell);
  const background = heatColour(measure(cell, by), max);
  const style = background ? { backgroundColor: background, color: textOn(background) } : undefined;
  return (
    <Link
      href={`/evidence/${encodeURIComponent(shortId(cell.predictionId))}${writeEvidence({ excludeCorrected })}`}
      className={`heat${n ? "" : " gap"}`}
      style={style}
      data-prediction={cell.predictionId}
      data-total={n}
    >
      <span className="visually-hidden">
        {cell.perspective.label} on “{cell.theme.proposition}”:{" "}
      </span>
      {n ? (
        <span className="counts">
          {COUNTS.map((c) => (
            <span key={c.key} className={`count${c.by === by ? " count-active" : ""}`}>
              <span aria-hidden="true">{c.abbr} </span>
              {cell[c.key]}
              <span className="visually-hidden"> {c.label}, </span>
            </span>
          ))}
          {cell.corrected ? (
            <span className="corrected-mark" data-corrected={cell.corrected}>
              <span aria-hidden="true">⚠ {cell.corrected}</span>
              <span className="visually-hidden">{cell.corrected} on studies since retracted or corrected</span>
            </span>
          ) : null}
        </span>
      ) : (
        <span className="gap-label">
          gap<span className="visually-hidden">: no findings</span>
        </span>
      )}
    </Link>
  );
}

function Legend({ max, by }: { max: number; by: ColourBy }) {
  const steps =
    max <= 6 ? Array.from({ length: max }, (_, i) => i + 1) : [1, Math.round(max / 3), Math.round((2 * max) / 3), max];
  return (
    <div className="legend" aria-label="Legend">
      <span className="legend-title">
        Colour: {by === "ALL" ? "all findings" : `${BY_LABELS[by].toLowerCase()} findings`}
      </span>
      <span className="swatch gap">gap (none at all)</span>
      {steps.map((n) => {
        const colour = heatColour(n, max) ?? "#ffffff";
        return (
          <span key={n} className="swatch" style={{ backgroundColor: colour, color: textOn(colour) }}>
            {n}
          </span>
        );
      })}
      <span className="legend-keys">
        <span>
          <b>⚠</b> on studies since retracted or corrected
        </span>
        {COUNTS.map((c) => (
          <span key={c.key}>
            <b>{c.abbr}</b> {c.label}
          </span>
        ))}
      </span>
    </div>
  );
}
