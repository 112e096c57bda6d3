// Each view's state lives in its URL (path and query), so a link restores the view.
// Ids appear in their short form (see ids.ts); the views work with full ids.
import { fullId, shortId } from "./ids";

type Value = string | readonly string[] | null | undefined;

/** "?a=1&b=x&b=y" from the entries that have a value ("" when none has). */
export function toSearch(entries: Record<string, Value>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value === null || value === undefined || value === "") continue;
    for (const item of typeof value === "string" ? [value] : value) query.append(key, item);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

function ids(query: URLSearchParams, key: string): string[] {
  return query.getAll(key).filter(Boolean).map(fullId);
}

function one(query: URLSearchParams, key: string): string | null {
  return query.get(key) || null;
}

// --- comparison builder ---------------------------------------------------------------

export interface ComparisonState {
  /** Chosen perspective ids in column order; null = the review's Table 1 columns. */
  perspectives: string[] | null;
  /** Chosen theme ids in row order; null = the review's Table 1 rows. */
  themes: string[] | null;
  /** The prediction whose details are open. */
  cell: string | null;
}

export function readComparison(search: string): ComparisonState {
  const query = new URLSearchParams(search);
  const perspectives = ids(query, "p");
  const themes = ids(query, "t");
  const cell = one(query, "cell");
  return {
    perspectives: perspectives.length ? perspectives : null,
    themes: themes.length ? themes : null,
    cell: cell && fullId(cell),
  };
}

export function writeComparison(state: ComparisonState): string {
  return toSearch({
    p: state.perspectives?.map(shortId),
    t: state.themes?.map(shortId),
    cell: state.cell && shortId(state.cell),
  });
}

// --- evidence gap map --------------------------------------------------------------------

export const COLOUR_BY = ["ALL", "SUPPORTS", "CONTRADICTS", "QUALIFIES", "MIXED"] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

export interface GapMapState {
  colourBy: ColourBy;
  /** Leave findings on retracted or corrected studies out of the counts. */
  excludeCorrected: boolean;
}

export function readGapMap(search: string): GapMapState {
  const query = new URLSearchParams(search);
  const value = query.get("by")?.toUpperCase();
  const colourBy = COLOUR_BY.find((option) => option === value) ?? "ALL";
  return { colourBy, excludeCorrected: query.get("exclude") === "corrected" };
}

export function writeGapMap(state: GapMapState): string {
  return toSearch({
    by: state.colourBy === "ALL" ? null : state.colourBy.toLowerCase(),
    exclude: state.excludeCorrected ? "corrected" : null,
  });
}

// --- evidence chain ------------------------------------------------------------------------

export function readEvidence(search: string): { excludeCorrected: boolean } {
  return { excludeCorrected: new URLSearchParams(search).get("exclude") === "corrected" };
}

export function writeEvidence(state: { excludeCorrected: boolean }): string {
  return toSearch({ exclude: state.excludeCorrected ? "corrected" : null });
}

// --- factors -----------------------------------------------------------------------------

export interface FactorsState {
  factor: string | null;
  /** Categories whose items are shown. */
  open: string[];
}

export function readFactors(search: string): FactorsState {
  const query = new URLSearchParams(search);
  const factor = one(query, "f");
  return { factor: factor && fullId(factor), open: ids(query, "open") };
}

export function writeFactors(state: FactorsState): string {
  return toSearch({ f: state.factor && shortId(state.factor), open: state.open.map(shortId) });
}

// --- search and studies ------------------------------------------------------------------

export interface SearchState {
  text: string;
  kind: string | null;
}

export function readSearch(search: string): SearchState {
  const query = new URLSearchParams(search);
  return { text: (query.get("q") ?? "").trim(), kind: one(query, "kind") };
}

export function writeSearch(state: SearchState): string {
  return toSearch({ q: state.text.trim(), kind: state.kind });
}

export interface StudiesState {
  text: string;
  yearFrom: number | null;
  yearTo: number | null;
  after: string | null;
}

function year(query: URLSearchParams, key: string): number | null {
  const value = query.get(key);
  if (!value || !/^\d{1,4}$/.test(value)) return null;
  return Number(value);
}

export function readStudies(search: string): StudiesState {
  const query = new URLSearchParams(search);
  return {
    text: (query.get("q") ?? "").trim(),
    yearFrom: year(query, "from"),
    yearTo: year(query, "to"),
    after: one(query, "after"),
  };
}

export function writeStudies(state: StudiesState): string {
  return toSearch({
    q: state.text.trim(),
    from: state.yearFrom === null ? null : String(state.yearFrom),
    to: state.yearTo === null ? null : String(state.yearTo),
    after: state.after,
  });
}

// --- where the sources disagree ------------------------------------------------------------

export interface DisagreementsState {
  kind: string | null;
  document: string | null;
}

export function readDisagreements(search: string): DisagreementsState {
  const query = new URLSearchParams(search);
  const document = one(query, "doc");
  return { kind: one(query, "kind"), document: document && fullId(document) };
}

export function writeDisagreements(state: DisagreementsState): string {
  return toSearch({ kind: state.kind, doc: state.document && shortId(state.document) });
}
