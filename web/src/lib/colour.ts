// The gap map's colour scale: one sequential hue (ColorBrewer "Blues", through Observable
// Plot), so that it reads by lightness alone and holds for every kind of colour-blindness;
// counts are printed in every cell anyway. A cell with no finding gets no colour at all:
// it is drawn as a gap (see styles.css), never as the lightest blue.
import { scale } from "@observablehq/plot";

const blues = scale({ color: { type: "linear", scheme: "blues", domain: [0, 1] } });

/** Lightest shade used for a count of 1, so that it stands apart from the page's white. */
const LIGHTEST = 0.2;

/** The background colour for `count` findings when the largest count shown is `max`. */
export function heatColour(count: number, max: number): string | null {
  if (count <= 0 || max <= 0) return null;
  const t = LIGHTEST + (1 - LIGHTEST) * (Math.min(count, max) / max);
  return String(blues.apply(t));
}

export function parseRgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i] ?? "0", 16)) as [number, number, number];
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(colour);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`not an rgb colour: ${colour}`);
}

/** WCAG relative luminance. */
export function luminance(colour: string): number {
  const [r, g, b] = parseRgb(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const DARK_TEXT = "#000000";
export const LIGHT_TEXT = "#ffffff";

/** The text colour (near-black or white) that reads best on `background`. */
export function textOn(background: string): string {
  return contrast(background, DARK_TEXT) >= contrast(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}
