// Quoted words shown in their context, and search terms marked in a snippet.

export interface QuoteParts {
  before: string;
  quote: string;
  after: string;
}

/**
 * A quote with the words before and after it (a W3C TextQuoteSelector's prefix and
 * suffix), when the API gives them. Context is shortened to `room` characters at a word
 * boundary, with an ellipsis where it was cut.
 */
export function quoteInContext(quote: string, prefix?: string | null, suffix?: string | null, room = 160): QuoteParts {
  // The context is a window on the document, so it is always shown as cut: "…words quote words…".
  let before = prefix ?? "";
  let after = suffix ?? "";
  if (before.length > room) {
    const cut = before.slice(before.length - room);
    const space = cut.indexOf(" ");
    before = space >= 0 ? cut.slice(space) : cut;
  }
  if (after.length > room) {
    const cut = after.slice(0, room);
    const space = cut.lastIndexOf(" ");
    after = space > 0 ? cut.slice(0, space) : cut;
  }
  return { before: before && `…${before.trimStart()}`, quote, after: after && `${after.trimEnd()}…` };
}

export interface Piece {
  text: string;
  match: boolean;
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `text` cut into pieces, those matching a word of `query` (case-insensitive) marked. */
export function markTerms(text: string, query: string): Piece[] {
  const terms = query
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((t) => t.length > 1);
  if (!terms.length || !text) return text ? [{ text, match: false }] : [];
  const pattern = new RegExp(`(${terms.map(escape).join("|")})`, "giu");
  return text
    .split(pattern)
    .filter((part) => part !== "")
    .map((part) => ({ text: part, match: terms.some((t) => t.toLowerCase() === part.toLowerCase()) }));
}
