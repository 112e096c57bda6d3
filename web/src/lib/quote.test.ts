import { describe, expect, it } from "vitest";
import { markTerms, quoteInContext } from "./quote";

describe("quotes in context", () => {
  it("shows the quote alone when there is no context", () => {
    expect(quoteInContext("the words")).toEqual({ before: "", quote: "the words", after: "" });
  });

  it("shows short context whole, marked as a window on the document", () => {
    expect(quoteInContext("found", "Smith (2001) ", " that exporters")).toEqual({
      before: "…Smith (2001) ",
      quote: "found",
      after: " that exporters…",
    });
  });

  it("cuts long context at a word boundary with an ellipsis", () => {
    const parts = quoteInContext("Q", "one two three four five six", "alpha beta gamma delta epsilon", 12);
    expect(parts.before).toBe("…five six");
    expect(parts.after).toBe("alpha beta…");
  });
});

describe("search terms in a snippet", () => {
  it("marks each word of the query, case-insensitively", () => {
    expect(markTerms("Born globals and born-global firms", "born GLOBAL")).toEqual([
      { text: "Born", match: true },
      { text: " ", match: false },
      { text: "global", match: true },
      { text: "s and ", match: false },
      { text: "born", match: true },
      { text: "-", match: false },
      { text: "global", match: true },
      { text: " firms", match: false },
    ]);
  });

  it("treats regular-expression characters as text", () => {
    expect(markTerms("bxc and b.c", "b.c")).toEqual([
      { text: "bxc and ", match: false },
      { text: "b.c", match: true },
    ]);
  });

  it("leaves the text whole without terms", () => {
    expect(markTerms("text", "  ")).toEqual([{ text: "text", match: false }]);
    expect(markTerms("", "x")).toEqual([]);
  });
});
