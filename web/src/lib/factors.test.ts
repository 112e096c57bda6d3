import { describe, expect, it } from "vitest";
import { byGroup, disagreeingFigures, factorIds, notesConcerning, percent } from "./factors";

const category = {
  id: "c1",
  share: 0.47,
  order: 2,
  group: { id: "g1", label: "Challenges" },
  reportedFigures: [
    { id: "r1", share: 0.53 },
    { id: "r2", share: 0.47 },
    { id: "r3", share: 0.4749 },
  ],
};

describe("expert panel figures", () => {
  it("prints shares as whole percentages", () => {
    expect(percent(0.75)).toBe("75%");
    expect(percent(0.688)).toBe("69%");
    expect(percent(1)).toBe("100%");
  });

  it("finds prose figures that differ from the table", () => {
    expect(disagreeingFigures(category).map((f) => f.id)).toEqual(["r1"]);
  });

  it("collects a factor's ids and the notes that concern them", () => {
    const factor = { id: "f", groups: [{ id: "g1" }], categories: [category] };
    const ids = factorIds(factor);
    expect([...ids].sort()).toEqual(["c1", "f", "g1", "r1", "r2", "r3"]);
    const notes = [
      { id: "n1", concerns: [{ id: "other" }] },
      { id: "n2", concerns: [{ id: "r2" }] },
      { id: "n3", concerns: [{ id: "g1" }, { id: "x" }] },
    ];
    expect(notesConcerning(notes, ids).map((n) => n.id)).toEqual(["n2", "n3"]);
  });

  it("groups categories in table order", () => {
    const groups = byGroup([
      { id: "a", order: 3, group: { id: "g2", label: "B" } },
      { id: "b", order: 1, group: { id: "g1", label: "A" } },
      { id: "c", order: 2, group: { id: "g2", label: "B" } },
      { id: "d", order: 4, group: null },
    ]);
    expect(groups.map((g) => [g.group?.label ?? null, g.categories.map((c) => c.id)])).toEqual([
      ["A", ["b"]],
      ["B", ["c", "a"]],
      [null, ["d"]],
    ]);
  });
});
