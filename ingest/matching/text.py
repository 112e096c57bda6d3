"""Normalization shared by names and titles: diacritics folded, case and punctuation dropped.

Folding uses the standard library's Unicode decomposition plus a table for the few Latin
letters that do not decompose (ø, ł, ß…); see docs/decisions for why not Unidecode (GPL)."""

import re
import unicodedata
from typing import Final

_UNDECOMPOSABLE: Final = str.maketrans(
    {
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "\u0131": "i",
    }
)  # fmt: skip
_NOT_WORD: Final = re.compile(r"[^a-z0-9]+")
_APOSTROPHES: Final = re.compile("['`\u2019\u00b4]")
# Words that carry no identity in a title (English and the few other languages of our sources).
TITLE_STOP_WORDS: Final = frozenset(
    {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from", "as"}
    | {"into", "its", "their", "is", "are", "or", "vs", "versus"}
    | {"de", "la", "le", "les", "des", "du", "et", "en", "und", "der", "die", "das", "von"}
)


def fold(text: str) -> str:
    """``text`` in lowercase with diacritics dropped: "Sørensen" -> "sorensen"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The folded words of ``text``; apostrophes (straight or typographic) join ("O'Farrell" ->
    ["ofarrell"]), every other non-alphanumeric character separates."""
    joined = _APOSTROPHES.sub("", fold(text))
    return [w for w in _NOT_WORD.split(joined) if w]


def title_key(title: str) -> str:
    """A title's words without stop words, in order: what titles are compared on."""
    return " ".join(w for w in words(title) if w not in TITLE_STOP_WORDS)
