"""Field values shared by every format: years with their suffix, DOIs, pages, generated keys.

Each parser raises ``ValueError`` with a message for the reader to place (file, line, key)."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import Final

from ingest.bibliography.model import BibEntry

_YEAR: Final = re.compile(r"(\d{4})([a-z]?)")
# Placeholders reference managers write where a work has no year yet: read as "no year".
NO_YEAR: Final = frozenset({"n.d.", "nd", "n. d.", "no date", "in press", "forthcoming"})
_DOI_PREFIX: Final = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI: Final = re.compile(r"^10\.\d{4,9}/\S+$")
_DASHES: Final = re.compile(r"\s*(?:-{1,3}|[\u2010-\u2015\u2212])\s*")
_SPACES: Final = re.compile(r"\s+")
# How RIS and CSL-JSON files spell an author list cut short (BibTeX has "and others").
ET_AL_NAMES: Final = frozenset({"et al.", "et al", "others"})
# Work types whose venue is a publisher; the others' is a journal or book title.
VENUE_IS_PUBLISHER: Final = frozenset({"book", "report", "thesis"})


def parse_year(raw: str) -> tuple[int | None, str | None]:
    """``"2004a"`` -> (2004, "a"); ``"1977"`` -> (1977, None); ``"n.d."`` -> (None, None).

    Raises ValueError for anything else ("2004/05", "circa 1990", "99")."""
    text = raw.strip()
    if text.lower() in NO_YEAR:
        return None, None
    match = _YEAR.fullmatch(text)
    if match is None:
        raise ValueError(f"year {raw!r} is not a year (expected four digits, e.g. 2004 or 2004a)")
    return int(match.group(1)), match.group(2) or None


def format_year(year: int | None, suffix: str | None) -> str:
    return "" if year is None else f"{year}{suffix or ''}"


def normalize_doi(raw: str) -> str:
    """``"https://doi.org/10.1057/PALGRAVE.JIBS.8490676"`` -> ``"10.1057/palgrave.jibs.8490676"``.

    DOIs are case-insensitive; raises ValueError when the value is not a DOI."""
    text = _DOI_PREFIX.sub("", raw.strip()).strip().lower()
    if _DOI.fullmatch(text) is None:
        raise ValueError(f"DOI {raw!r} is not a DOI (expected 10.<registrant>/<suffix>)")
    return text


def normalize_pages(raw: str) -> str:
    """Page ranges with one hyphen, however the source writes the dash ("23--32" -> "23-32")."""
    return _DASHES.sub("-", raw.strip())


def clean(raw: object) -> str | None:
    """A field's text with runs of whitespace made one space; None when empty."""
    if raw is None:
        return None
    text = _SPACES.sub(" ", str(raw)).strip()
    return text or None


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded.lower() if c.isascii() and c.isalnum())


def assign_keys(entries: Iterable[BibEntry], generate: Iterable[bool]) -> list[BibEntry]:
    """Give entries without a key a stable one: first author's family name, year and suffix
    (``westhead2004a``), with ``-2``, ``-3``… in file order where that key is taken."""
    items = list(zip(entries, generate, strict=True))
    taken = {entry.key for entry, needs in items if not needs}
    result: list[BibEntry] = []
    for entry, needs in items:
        if not needs:
            result.append(entry)
            continue
        words = (entry.authors[0][0] if entry.authors else entry.title or "").split()
        base = (_slug(words[-1]) if words else "") or "entry"
        base += format_year(entry.year, entry.year_suffix)
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base}-{n}"
        taken.add(key)
        result.append(replace(entry, key=key))
    return result
