import { describe, expect, it } from "vitest";
import { KB_NAMESPACE } from "./ids";
import { pathFor } from "./links";

const kb = (local: string) => KB_NAMESPACE + local;

describe("links to views", () => {
  it("sends each kind to the view that shows it", () => {
    expect(pathFor({ id: kb("work-a2000"), kind: "Work" })).toBe("/studies/work-a2000");
    expect(pathFor({ id: kb("work-a2000"), kind: "Study" })).toBe("/studies/work-a2000");
    expect(pathFor({ id: kb("pred-stage-7"), kind: "Prediction" })).toBe("/evidence/pred-stage-7");
    expect(pathFor({ id: kb("persp-stage"), kind: "Perspective" })).toBe("/comparison?p=persp-stage");
    expect(pathFor({ id: kb("theme-1"), kind: "Theme" })).toBe("/comparison?t=theme-1");
    expect(pathFor({ id: kb("cat-x"), kind: "Category" })).toBe("/factors?open=cat-x");
    expect(pathFor({ id: kb("f-1"), kind: "Finding", study: kb("work-b") })).toBe("/studies/work-b#f-1");
  });

  it("has no link for kinds no view shows", () => {
    expect(pathFor({ id: kb("f-1"), kind: "Finding" })).toBeNull();
    expect(pathFor({ id: kb("cit-1"), kind: "Citation" })).toBeNull();
  });

  it("escapes ids that are not the knowledge base's", () => {
    expect(pathFor({ id: "https://example.org/w?1", kind: "Work" })).toBe("/studies/https%3A%2F%2Fexample.org%2Fw%3F1");
  });
});
