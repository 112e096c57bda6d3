import { describe, expect, it } from "vitest";
import { add, exportUrl, move, notChosen, remove, sameOrder } from "./selection";

describe("table selection", () => {
  const cols = ["a", "b", "c"];

  it("moves a column one place either way and stops at the ends", () => {
    expect(move(cols, 0, 1)).toEqual(["b", "a", "c"]);
    expect(move(cols, 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(cols, 0, -1)).toEqual(cols);
    expect(move(cols, 2, 1)).toEqual(cols);
    expect(cols).toEqual(["a", "b", "c"]);
  });

  it("drops an item but never the last one", () => {
    expect(remove(cols, 1)).toEqual(["a", "c"]);
    expect(remove(["a"], 0)).toEqual(["a"]);
    expect(remove(cols, 7)).toEqual(cols);
  });

  it("adds an item once, at the end", () => {
    expect(add(cols, "d")).toEqual(["a", "b", "c", "d"]);
    expect(add(cols, "b")).toEqual(cols);
  });

  it("offers what is not chosen, in the catalogue's order", () => {
    const all = [{ id: "c" }, { id: "x" }, { id: "a" }, { id: "y" }];
    expect(notChosen(all, cols).map((item) => item.id)).toEqual(["x", "y"]);
  });

  it("exports exactly the selection, in order, with full ids", () => {
    const url = exportUrl("tex", ["https://w3id.org/sme-intl-kg/kb/persp-stage", "p&2"], ["t 1"]);
    expect(url).toBe(
      "/tables/comparison.tex?perspective=https%3A%2F%2Fw3id.org%2Fsme-intl-kg%2Fkb%2Fpersp-stage&perspective=p%262&theme=t+1",
    );
    const query = new URLSearchParams(url.split("?")[1]);
    expect(query.getAll("perspective")).toEqual(["https://w3id.org/sme-intl-kg/kb/persp-stage", "p&2"]);
    expect(query.getAll("theme")).toEqual(["t 1"]);
  });

  it("compares orders", () => {
    expect(sameOrder(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameOrder(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameOrder(["a"], ["a", "b"])).toBe(false);
  });
});
