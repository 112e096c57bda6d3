"""A bibliography (BibTeX, RIS or CSL-JSON) fills the works sheet: each works row names an
entry by its `key`; the entry gives the metadata the row leaves empty. Every entry must have
its row — the row says how the text cites the work (cited_as), which no bibliography knows."""

from dataclasses import replace
from pathlib import Path

from ingest.bibliography import BibEntry, read_bibliography
from ingest.errors import InputError, InputProblemsError, Where
from ingest.sheet.io import CodingSheet, Row

WORK_TYPES = {"article", "book", "chapter", "report", "thesis", "conference-paper", "other"}


def initials(given: str) -> str:
    """'Jan-Erik Maria' -> 'J.-E.M.', the reference-list style the knowledge base keeps."""
    words = [w for w in given.replace(".", " ").split() if w]
    return "".join("-".join(f"{p[0]}." for p in w.split("-") if p) for w in words)


def authors_as_listed(entry: BibEntry) -> str:
    """'Abdul Rashid, M.Z. & Tan, S.L.' style, from (family, given) pairs."""
    names = [f"{family}, {initials(given)}" if given else family for family, given in entry.authors]
    listed = ", ".join(names[:-1]) + f" & {names[-1]}" if len(names) > 1 else "".join(names)
    return f"{listed} et al." if entry.et_al else listed


def _cells(entry: BibEntry) -> dict[str, str]:
    cells = {
        "authors": authors_as_listed(entry),
        "year": str(entry.year) if entry.year else "",
        "year_suffix": entry.year_suffix or "",
        "title": entry.title.replace(";", "\\;") if entry.title else "",
        "venue": entry.venue or "",
        "volume": entry.volume or "",
        "issue": entry.issue or "",
        "pages": entry.pages or "",
        "doi": entry.doi or "",
        "type": entry.work_type if entry.work_type in WORK_TYPES else "other",
    }
    return {k: v for k, v in cells.items() if v}


def with_bibliography(sheet: CodingSheet, path: Path) -> CodingSheet:
    """The sheet with each keyed works row completed from the bibliography entry of its key."""
    try:
        entries = {e.key: e for e in read_bibliography(path)}
    except ValueError as exc:  # BibliographyError: one line per problem, each naming the place
        raise InputProblemsError([InputError(line) for line in str(exc).splitlines()]) from exc
    rows: list[Row] = []
    used: set[str] = set()
    for row in sheet.sheet("works"):
        entry = entries.get(row.get("key"))
        if entry is None:
            rows.append(row)
            continue
        used.add(entry.key)
        filled = {**_cells(entry), **row.values}
        if "metadata_note" not in row.values:
            filled["metadata_note"] = (
                f"Metadata from the bibliography file {path.name} (entry {entry.key})."
            )
        rows.append(replace(row, values=filled))
    missing = [key for key in entries if key not in used]
    if missing:
        raise InputProblemsError(
            [
                InputError(
                    f"entry {key} has no row in the works sheet: add one with key {key} and "
                    "cited_as (how the text cites it)",
                    Where(path),
                )
                for key in missing
            ]
        )
    return CodingSheet({**sheet.rows, "works": rows}, [*sheet.files, path])
