// The expert panel's figures: shares as printed, and where the prose gives another figure
// for the same category than the table does.

/** A share (0-1) as a whole percentage, as the panel's tables print it. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

interface Figure {
  id: string;
  share: number;
}

interface CategoryFigures {
  id: string;
  share: number;
  reportedFigures: readonly Figure[];
}

/** Prose figures that differ from the table's share by at least half a percentage point. */
export function disagreeingFigures<F extends Figure>(category: { share: number; reportedFigures: readonly F[] }): F[] {
  return category.reportedFigures.filter((figure) => Math.abs(figure.share - category.share) >= 0.005);
}

interface FactorIds {
  id: string;
  groups: readonly { id: string }[];
  categories: readonly CategoryFigures[];
}

/** Every id that belongs to a factor: itself, its groups, categories and reported figures. */
export function factorIds(factor: FactorIds): Set<string> {
  const ids = new Set<string>([factor.id]);
  for (const group of factor.groups) ids.add(group.id);
  for (const category of factor.categories) {
    ids.add(category.id);
    for (const figure of category.reportedFigures) ids.add(figure.id);
  }
  return ids;
}

interface Concerning {
  concerns: readonly { id: string }[];
}

/** The notes that concern any of `ids`, in their order. */
export function notesConcerning<N extends Concerning>(notes: readonly N[], ids: ReadonlySet<string>): N[] {
  return notes.filter((note) => note.concerns.some((node) => ids.has(node.id)));
}

/** Categories grouped as the table groups them (in order of first appearance), each sorted by `order`. */
export function byGroup<C extends { order: number; group?: { id: string; label: string } | null }>(
  categories: readonly C[],
): { group: { id: string; label: string } | null; categories: C[] }[] {
  const sorted = [...categories].sort((a, b) => a.order - b.order);
  const groups = new Map<string, { group: { id: string; label: string } | null; categories: C[] }>();
  for (const category of sorted) {
    const key = category.group?.id ?? "";
    const entry = groups.get(key) ?? { group: category.group ?? null, categories: [] };
    entry.categories.push(category);
    groups.set(key, entry);
  }
  return [...groups.values()];
}
