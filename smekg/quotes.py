"""Checking that a quote occurs in its source text, and the words around it.

Only whitespace, line breaks and end-of-line hyphenation are normalized: everything else in
a quote must stand in the document character for character. The context of a quote (the
W3C Web Annotation TextQuoteSelector's prefix and suffix) is taken from the normalized text,
so it is whitespace-collapsed too.
"""

import re
from dataclasses import dataclass

_BREAK_HYPHEN = re.compile(r"-[ \t\f\v]*\r?\n\s*")
_SPACE = re.compile(r"\s+")
CONTEXT_CHARS = 120  # at most this many characters each side, cut at a word boundary


def normalize(text: str) -> str:
    """Collapse every run of whitespace (line breaks included) to one space."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class QuoteContext:
    prefix: str
    suffix: str


@dataclass(frozen=True)
class SourceText:
    """A document's text in the forms a quote may be matched against."""

    kept_hyphens: str
    joined_hyphens: str

    @classmethod
    def of(cls, raw: str) -> "SourceText":
        return cls(
            kept_hyphens=normalize(_BREAK_HYPHEN.sub("-", raw)),
            joined_hyphens=normalize(_BREAK_HYPHEN.sub("", raw)),
        )

    def contains(self, quote: str) -> bool:
        wanted = normalize(quote)
        return bool(wanted) and (wanted in self.kept_hyphens or wanted in self.joined_hyphens)

    def _form_and_starts(self, quote: str) -> tuple[str, list[int]]:
        wanted = normalize(quote)
        if wanted:
            for form in (self.kept_hyphens, self.joined_hyphens):
                starts = _starts(wanted, form)
                if starts:
                    return form, starts
        return self.kept_hyphens, []

    def occurrences(self, quote: str) -> int:
        """How many times the quote stands in the text (0 when it does not)."""
        return len(self._form_and_starts(quote)[1])

    def context(self, quote: str, occurrence: int = 1) -> QuoteContext | None:
        """The words around the `occurrence`-th (1-based) place the quote stands, if any."""
        form, starts = self._form_and_starts(quote)
        if not 1 <= occurrence <= len(starts):
            return None
        return _around(form, starts[occurrence - 1], len(normalize(quote)))

    def contexts(self, quote: str) -> list[QuoteContext]:
        """The words around every place the quote stands, in the text's order."""
        form, starts = self._form_and_starts(quote)
        length = len(normalize(quote))
        return [_around(form, start, length) for start in starts]


def _starts(wanted: str, form: str) -> list[int]:
    """Every index at which `wanted` begins in `form`, overlapping places included."""
    starts = []
    at = form.find(wanted)
    while at != -1:
        starts.append(at)
        at = form.find(wanted, at + 1)
    return starts


def _around(form: str, start: int, length: int) -> QuoteContext:
    end = start + length
    before = form[max(0, start - CONTEXT_CHARS) : start]
    after = form[end : end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS and " " in before:
        before = before[before.index(" ") + 1 :]
    if end + CONTEXT_CHARS < len(form) and " " in after:
        after = after[: after.rindex(" ")]
    return QuoteContext(before, after)
