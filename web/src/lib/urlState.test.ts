import { describe, expect, it } from "vitest";
import { KB_NAMESPACE } from "./ids";
import {
  readComparison,
  readDisagreements,
  readEvidence,
  readFactors,
  readGapMap,
  readSearch,
  readStudies,
  toSearch,
  writeComparison,
  writeDisagreements,
  writeEvidence,
  writeFactors,
  writeGapMap,
  writeSearch,
  writeStudies,
} from "./urlState";

const kb = (local: string) => KB_NAMESPACE + local;

describe("URL state", () => {
  it("writes only what has a value", () => {
    expect(toSearch({ a: null, b: "", c: [], d: undefined })).toBe("");
    expect(toSearch({ a: "x y", b: ["1", "2"] })).toBe("?a=x+y&b=1&b=2");
  });

  it("round-trips a comparison with short ids in the URL", () => {
    const state = {
      perspectives: [kb("persp-rbv-network"), kb("persp-stage")],
      themes: [kb("theme-7")],
      cell: kb("pred-stage-7"),
    };
    const search = writeComparison(state);
    expect(search).toBe("?p=persp-rbv-network&p=persp-stage&t=theme-7&cell=pred-stage-7");
    expect(readComparison(search)).toEqual(state);
  });

  it("reads no selection as Table 1", () => {
    expect(readComparison("")).toEqual({ perspectives: null, themes: null, cell: null });
    expect(writeComparison({ perspectives: null, themes: null, cell: null })).toBe("");
  });

  it("keeps foreign IRIs whole", () => {
    const state = { perspectives: ["https://example.org/p?x=1"], themes: null, cell: null };
    expect(readComparison(writeComparison(state))).toEqual(state);
  });

  it("reads the gap map's colouring and falls back to all findings", () => {
    expect(readGapMap("?by=supports")).toEqual({ colourBy: "SUPPORTS", excludeCorrected: false });
    expect(readGapMap("?by=nonsense")).toEqual({ colourBy: "ALL", excludeCorrected: false });
    expect(writeGapMap({ colourBy: "ALL", excludeCorrected: false })).toBe("");
    expect(writeGapMap({ colourBy: "MIXED", excludeCorrected: false })).toBe("?by=mixed");
  });

  it("keeps leaving out corrected studies in the URL of the map and the chain", () => {
    const state = { colourBy: "SUPPORTS" as const, excludeCorrected: true };
    expect(writeGapMap(state)).toBe("?by=supports&exclude=corrected");
    expect(readGapMap(writeGapMap(state))).toEqual(state);
    expect(readEvidence(writeEvidence({ excludeCorrected: true }))).toEqual({ excludeCorrected: true });
    expect(writeEvidence({ excludeCorrected: false })).toBe("");
    expect(readEvidence("?exclude=other")).toEqual({ excludeCorrected: false });
  });

  it("round-trips factors with open categories", () => {
    const state = { factor: kb("factor-barriers"), open: [kb("cat-a"), kb("cat-b")] };
    expect(readFactors(writeFactors(state))).toEqual(state);
    expect(readFactors("")).toEqual({ factor: null, open: [] });
  });

  it("round-trips search and study filters, ignoring malformed years", () => {
    expect(readSearch(writeSearch({ text: " born global ", kind: "Study" }))).toEqual({
      text: "born global",
      kind: "Study",
    });
    const studies = { text: "export", yearFrom: 1990, yearTo: 2005, after: "YXJyYXk6OQ==" };
    expect(readStudies(writeStudies(studies))).toEqual(studies);
    expect(readStudies("?from=abc&to=20055")).toEqual({ text: "", yearFrom: null, yearTo: null, after: null });
  });

  it("round-trips the disagreements filter", () => {
    const state = { kind: "PROSE_VS_TABLE", document: kb("doc-chesenik") };
    expect(writeDisagreements(state)).toBe("?kind=PROSE_VS_TABLE&doc=doc-chesenik");
    expect(readDisagreements(writeDisagreements(state))).toEqual(state);
  });
});
