// The comparison builder's selection: ordered perspectives (columns) and themes (rows),
// changed one step at a time, and the export URLs of exactly that selection.

export type TableFormat = "csv" | "md" | "tex" | "html";

export const TABLE_FORMATS: { format: TableFormat; label: string }[] = [
  { format: "csv", label: "CSV" },
  { format: "md", label: "Markdown" },
  { format: "tex", label: "LaTeX" },
  { format: "html", label: "HTML" },
];

/** The list with the item at `index` moved one place by `delta` (-1 or +1); unchanged at an end. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1) as [T];
  copy.splice(target, 0, item);
  return copy;
}

/** The list without the item at `index`; the last item is kept (a table needs one column and one row). */
export function remove<T>(list: readonly T[], index: number): T[] {
  if (list.length <= 1 || index < 0 || index >= list.length) return [...list];
  return list.filter((_, i) => i !== index);
}

/** The list with `item` appended, unless it is already there. */
export function add<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? [...list] : [...list, item];
}

/** The items of `all` that are not in `chosen`, in the order of `all`. */
export function notChosen<T extends { id: string }>(all: readonly T[], chosen: readonly string[]): T[] {
  const taken = new Set(chosen);
  return all.filter((item) => !taken.has(item.id));
}

/** The REST export of exactly this table: perspectives and themes as full ids, in order. */
export function exportUrl(format: TableFormat, perspectives: readonly string[], themes: readonly string[]): string {
  const query = new URLSearchParams();
  for (const id of perspectives) query.append("perspective", id);
  for (const id of themes) query.append("theme", id);
  return `/tables/comparison.${format}?${query.toString()}`;
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
