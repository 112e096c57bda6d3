"""Checking that a quote occurs in its source text.

Only whitespace, line breaks and end-of-line hyphenation are normalized: everything else in
a quote must stand in the document character for character.
"""

import re
from dataclasses import dataclass

_BREAK_HYPHEN = re.compile(r"-[ \t\f\v]*\r?\n\s*")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Collapse every run of whitespace (line breaks included) to one space."""
    return _SPACE.sub(" ", text).strip()


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
