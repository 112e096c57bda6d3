import { describe, expect, it } from "vitest";
import { contrast, DARK_TEXT, heatColour, LIGHT_TEXT, luminance, parseRgb, textOn } from "./colour";

describe("gap map colours", () => {
  it("gives no colour to an empty cell", () => {
    expect(heatColour(0, 9)).toBeNull();
    expect(heatColour(3, 0)).toBeNull();
  });

  it("darkens monotonically with the count (lightness alone carries the order)", () => {
    const shades = [1, 2, 3, 5, 9].map((n) => luminance(heatColour(n, 9) ?? ""));
    for (let i = 1; i < shades.length; i += 1) expect(shades[i]).toBeLessThan(shades[i - 1] ?? 0);
  });

  it("keeps the lightest shade apart from the white page", () => {
    expect(contrast(heatColour(1, 50) ?? "", "#ffffff")).toBeGreaterThan(1.1);
  });

  it("prints every count legibly (WCAG AA contrast) for any maximum", () => {
    for (const max of [1, 2, 9, 30]) {
      for (let n = 1; n <= max; n += 1) {
        const background = heatColour(n, max) ?? "";
        expect(contrast(background, textOn(background))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("knows black from white", () => {
    expect(parseRgb("#ff8000")).toEqual([255, 128, 0]);
    expect(parseRgb("rgb(1, 2, 3)")).toEqual([1, 2, 3]);
    expect(() => parseRgb("blue")).toThrow();
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(textOn("#ffffff")).toBe(DARK_TEXT);
    expect(textOn("#000000")).toBe(LIGHT_TEXT);
  });
});
