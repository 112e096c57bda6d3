"""CSL-JSON (the citation style language's data format, as Zotero and pandoc write it) in and
out. The standard library's json reads it with line numbers for syntax errors; names, dates and
the ``year-suffix`` variable follow the CSL 1.0.2 schema."""

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from ingest.bibliography.fields import (
    ET_AL_NAMES,
    VENUE_IS_PUBLISHER,
    clean,
    normalize_doi,
    normalize_pages,
    parse_year,
)
from ingest.bibliography.model import BibEntry, Location, WorkType

WORK_TYPE: Final[dict[str, WorkType]] = {
    "article-journal": "article",
    "article": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "chapter",
    "paper-conference": "conference-paper",
    "report": "report",
    "thesis": "thesis",
}
CSL_TYPE: Final[dict[WorkType, str]] = {
    "article": "article-journal",
    "book": "book",
    "chapter": "chapter",
    "conference-paper": "paper-conference",
    "report": "report",
    "thesis": "thesis",
    "other": "document",
    "unknown": "document",
}


def _name(item: dict[str, Any]) -> tuple[str, str]:
    if "literal" in item:
        return clean(item["literal"]) or "", ""
    particle = " ".join(
        clean(item.get(k)) or "" for k in ("dropping-particle", "non-dropping-particle")
    )
    family = clean(f"{particle} {item.get('family') or ''}") or ""
    given = clean(" ".join(str(item.get(k) or "") for k in ("given", "suffix"))) or ""
    return (family, given) if family else (given, "")


def _year(item: dict[str, Any]) -> tuple[int | None, str | None]:
    issued = item.get("issued")
    suffix = clean(item.get("year-suffix"))
    if issued is None:
        return None, None
    if not isinstance(issued, dict):
        raise ValueError(f"'issued' is {issued!r}, not a CSL date object")
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year, parsed_suffix = parse_year(str(parts[0][0]))
    elif "raw" in issued or "literal" in issued:
        year, parsed_suffix = parse_year(str(issued.get("raw") or issued.get("literal")))
    else:
        raise ValueError(f"'issued' has no year: {json.dumps(issued)}")
    return year, suffix or parsed_suffix


def _entry(item: object, path: Path, index: int) -> BibEntry:
    if not isinstance(item, dict):
        raise ValueError(f"is {type(item).__name__}, not a CSL item (a JSON object)")
    people = item.get("author") or item.get("editor") or []
    if not isinstance(people, list) or not all(isinstance(p, dict) for p in people):
        raise ValueError("'author' is not a list of CSL names")
    names = [_name(p) for p in people]
    year, suffix = _year(item)
    pages, doi = clean(item.get("page")), clean(item.get("DOI"))
    csl_type = clean(item.get("type")) or ""
    return BibEntry(
        key=clean(item.get("id")) or "",
        authors=tuple(n for n in names if n[0] and n[0].lower() not in ET_AL_NAMES),
        et_al=any(n[0].lower() in ET_AL_NAMES for n in names),
        year=year,
        year_suffix=suffix,
        title=clean(item.get("title")),
        venue=clean(item.get("container-title")) or clean(item.get("publisher")),
        volume=clean(item.get("volume")),
        issue=clean(item.get("issue")),
        pages=normalize_pages(pages) if pages else None,
        doi=normalize_doi(doi) if doi else None,
        work_type=WORK_TYPE.get(csl_type, "other"),
        entry_type=csl_type,
        printed=json.dumps(item, ensure_ascii=False),
        location=Location(path, index),
    )


def parse_csl_json(text: str, path: Path) -> tuple[list[BibEntry], list[str]]:
    """The items of a CSL-JSON text and the problems found (``path`` names the file)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [f"{path}:{exc.lineno}: JSON syntax error: {exc.msg} (column {exc.colno})"]
    if not isinstance(data, list):
        return [], [f"{path}: CSL-JSON must be a list of items, found {type(data).__name__}"]
    entries: list[BibEntry] = []
    problems: list[str] = []
    for index, item in enumerate(data, start=1):
        try:
            entries.append(_entry(item, path, index))
        except ValueError as exc:
            ident = f" (id {item.get('id')!r})" if isinstance(item, dict) else ""
            problems.append(f"{path}: record {index}{ident}: {exc}")
    return entries, problems


def _csl_name(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given} if given else {"literal": family}


def _csl_item(entry: BibEntry) -> dict[str, Any]:
    authors = [_csl_name(family, given) for family, given in entry.authors]
    if entry.et_al:
        authors.append({"literal": "others"})
    venue_key = "publisher" if entry.work_type in VENUE_IS_PUBLISHER else "container-title"
    values: dict[str, Any] = {
        "id": entry.key,
        "type": CSL_TYPE[entry.work_type],
        "author": authors,
        "title": entry.title,
        "issued": {"date-parts": [[entry.year]]} if entry.year is not None else None,
        "year-suffix": entry.year_suffix,
        venue_key: entry.venue,
        "volume": entry.volume,
        "issue": entry.issue,
        "page": entry.pages,
        "DOI": entry.doi,
    }
    return {key: value for key, value in values.items() if value}


def to_csl_json(entries: Sequence[BibEntry]) -> str:
    """A CSL-JSON text of the entries (UTF-8, indented; ``{"literal": "others"}`` for et al.)."""
    return json.dumps([_csl_item(e) for e in entries], ensure_ascii=False, indent=2) + "\n"
