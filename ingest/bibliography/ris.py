"""RIS in and out through rispy. rispy is lenient (it drops a last record without ``ER`` and
keeps the first of a repeated tag), so the records' boundaries and the tags we read are checked
here first, with their lines, before rispy parses the text."""

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import rispy

from ingest.bibliography.fields import (
    ET_AL_NAMES,
    VENUE_IS_PUBLISHER,
    clean,
    format_year,
    normalize_doi,
    normalize_pages,
    parse_year,
)
from ingest.bibliography.model import BibEntry, Location, WorkType

WORK_TYPE: Final[dict[str, WorkType]] = {
    "JOUR": "article",
    "EJOUR": "article",
    "JFULL": "article",
    "MGZN": "article",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "CONF": "conference-paper",
    "CPAPER": "conference-paper",
    "RPRT": "report",
    "GOVDOC": "report",
    "THES": "thesis",
}
TYPE_OF_REFERENCE: Final[dict[WorkType, str]] = {
    "article": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "conference-paper": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "other": "GEN",
    "unknown": "GEN",
}
# Tags we read that hold one value; rispy would silently keep only the first of a repeat.
SINGLE_TAGS: Final = frozenset(
    {"ID", "TI", "T1", "T2", "JO", "JF", "PB", "PY", "Y1", "DA", "VL", "IS", "SP", "EP", "DO"}
)
_TAG: Final = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def _record_spans(lines: list[str], path: Path) -> tuple[list[tuple[int, int]], list[str]]:
    """(first, last) line indexes of each TY…ER record, and problems with the structure."""
    spans: list[tuple[int, int]] = []
    problems: list[str] = []
    start: int | None = None
    for index, line in enumerate(lines):
        match = _TAG.match(line.rstrip("\r"))
        tag = match.group(1) if match else None
        if tag == "TY":
            if start is not None:
                problems.append(f"{path}:{start + 1}: RIS record has no 'ER  -' end line")
            start = index
        elif tag == "ER":
            if start is None:
                problems.append(f"{path}:{index + 1}: 'ER  -' without a record ('TY  -') to end")
            else:
                spans.append((start, index))
            start = None
    if start is not None:
        problems.append(f"{path}:{start + 1}: RIS record has no 'ER  -' end line")
    return spans, problems


def _repeated_tags(lines: list[str]) -> list[str]:
    tags = Counter(m.group(1) for line in lines if (m := _TAG.match(line.rstrip("\r"))))
    return sorted(tag for tag, n in tags.items() if n > 1 and tag in SINGLE_TAGS)


def _first(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = clean(record.get(key))
        if value is not None:
            return value
    return None


def _name(text: str) -> tuple[str, str]:
    family, _, given = text.partition(",")
    return family.strip(), given.strip()


def _entry(record: dict[str, Any], path: Path, index: int, line: int, printed: str) -> BibEntry:
    names = [clean(n) for n in [*record.get("authors", []), *record.get("first_authors", [])]]
    present = [n for n in names if n]
    year_text = _first(record, "year", "publication_year", "date")
    year, suffix = parse_year(year_text.split("/")[0]) if year_text else (None, None)
    start, end = _first(record, "start_page"), _first(record, "end_page")
    pages = f"{start}-{end}" if start and end else start or end
    doi = _first(record, "doi")
    ris_type = (_first(record, "type_of_reference") or "").upper()
    return BibEntry(
        key=_first(record, "id") or "",
        authors=tuple(_name(n) for n in present if n.lower() not in ET_AL_NAMES),
        et_al=any(n.lower() in ET_AL_NAMES for n in present),
        year=year,
        year_suffix=suffix,
        title=_first(record, "title", "primary_title"),
        venue=_first(record, "secondary_title", "journal_name", "alternate_title3", "publisher"),
        volume=_first(record, "volume"),
        issue=_first(record, "number"),
        pages=normalize_pages(pages) if pages else None,
        doi=normalize_doi(doi) if doi else None,
        work_type=WORK_TYPE.get(ris_type, "other"),
        entry_type=ris_type,
        printed=printed,
        location=Location(path, index, line),
    )


def parse_ris(text: str, path: Path) -> tuple[list[BibEntry], list[str]]:
    """The records of a RIS text and the problems found (``path`` names the file)."""
    lines = text.split("\n")
    spans, problems = _record_spans(lines, path)
    for first, last in spans:
        for tag in _repeated_tags(lines[first : last + 1]):
            problems.append(f"{path}:{first + 1}: tag {tag} given twice in one record")
    if problems:
        return [], problems
    records = rispy.loads(text)
    if len(records) != len(spans):  # pragma: no cover - the span check above rules this out
        return [], [f"{path}: rispy read {len(records)} records where {len(spans)} were found"]
    entries: list[BibEntry] = []
    for index, (record, (first, last)) in enumerate(zip(records, spans, strict=True), start=1):
        printed = "\n".join(line.rstrip("\r") for line in lines[first : last + 1])
        try:
            entries.append(_entry(record, path, index, first + 1, printed))
        except ValueError as exc:
            problems.append(f"{path}:{first + 1} (record {index}): {exc}")
    return entries, problems


def _venue_key(entry: BibEntry) -> str:
    return "publisher" if entry.work_type in VENUE_IS_PUBLISHER else "secondary_title"


def _ris_record(entry: BibEntry) -> dict[str, Any]:
    authors = [f"{family}, {given}" if given else family for family, given in entry.authors]
    if entry.et_al:
        authors.append("et al.")
    start, _, end = (entry.pages or "").partition("-")
    values: dict[str, Any] = {
        "type_of_reference": TYPE_OF_REFERENCE[entry.work_type],
        "id": entry.key,
        "authors": authors,
        "title": entry.title,
        "year": format_year(entry.year, entry.year_suffix),
        _venue_key(entry): entry.venue,
        "volume": entry.volume,
        "number": entry.issue,
        "start_page": start,
        "end_page": end,
        "doi": entry.doi,
    }
    return {key: value for key, value in values.items() if value}


def to_ris(entries: Sequence[BibEntry]) -> str:
    """A RIS text of the entries: ``AU`` as "Family, Given", ``et al.`` for a cut-short list,
    the year with its suffix in ``PY`` (``2004a``), the venue in ``T2`` (``PB`` for books,
    reports and theses)."""
    return str(rispy.dumps([_ris_record(entry) for entry in entries]))
