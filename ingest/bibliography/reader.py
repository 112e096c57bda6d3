"""Reading a bibliography file: its format from the extension, UTF-8 checked with the line of
the first bad byte, every problem collected and raised together, keys unique and never empty."""

from collections.abc import Callable
from pathlib import Path
from typing import Final

from ingest.bibliography.bibtex import parse_bibtex
from ingest.bibliography.csl import parse_csl_json
from ingest.bibliography.fields import assign_keys
from ingest.bibliography.model import BibEntry, BibliographyError
from ingest.bibliography.ris import parse_ris

Parser = Callable[[str, Path], tuple[list[BibEntry], list[str]]]
PARSERS: Final[dict[str, Parser]] = {
    ".bib": parse_bibtex,
    ".ris": parse_ris,
    ".json": parse_csl_json,
}


def _decode(data: bytes, path: Path) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start : exc.start + 1].hex().upper()
        raise BibliographyError(
            [
                f"{path}:{line}: not UTF-8 (byte 0x{byte} at column {column}); "
                "save the file as UTF-8 and import it again"
            ]
        ) from exc
    return text.replace("\r\n", "\n")


def _duplicate_keys(entries: list[BibEntry]) -> list[str]:
    first: dict[str, BibEntry] = {}
    problems: list[str] = []
    for entry in entries:
        if not entry.key:
            continue
        if entry.key in first:
            problems.append(
                f"{entry.location}: duplicate key {entry.key!r} "
                f"(first used at {first[entry.key].location})"
            )
        else:
            first[entry.key] = entry
    return problems


def read_bibliography(path: Path) -> list[BibEntry]:
    """The entries of a BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file, in file order.

    Raises BibliographyError listing every problem, one line each naming the file and the line
    (or record): an unknown extension, a file that is not UTF-8, a syntax error, a duplicate
    key, a year that is not a year, a DOI that is not a DOI, a file without entries. Entries
    without a key get a stable generated one (see ``assign_keys``)."""
    parser = PARSERS.get(path.suffix.lower())
    if parser is None:
        known = ", ".join(sorted(PARSERS))
        raise BibliographyError([f"{path}: unknown bibliography format (expected {known})"])
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BibliographyError([f"{path}: cannot read: {exc.strerror}"]) from exc
    entries, problems = parser(_decode(data, path), path)
    problems += _duplicate_keys(entries)
    if not problems and not entries:
        problems.append(f"{path}: no bibliography entries found")
    if problems:
        raise BibliographyError(problems)
    return assign_keys(entries, [not entry.key for entry in entries])
