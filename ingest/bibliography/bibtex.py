"""BibTeX in and out through bibtexparser 2: its middlewares decode LaTeX and split names on
reading; LaTeX encoding (pylatexenc, which bibtexparser itself uses) protects special characters
on writing. Blocks bibtexparser cannot parse become errors with their line, never dropped."""

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string, write_string
from bibtexparser.exceptions import BlockAbortedException
from bibtexparser.library import Library
from bibtexparser.middlewares.middleware import Middleware
from bibtexparser.middlewares.names import NameParts
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    MiddlewareErrorBlock,
    ParsingFailedBlock,
)
from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from ingest.bibliography.fields import (
    clean,
    format_year,
    normalize_doi,
    normalize_pages,
    parse_year,
)
from ingest.bibliography.model import BibEntry, Location, WorkType

WORK_TYPE: Final[dict[str, WorkType]] = {
    "article": "article",
    "book": "book",
    "mvbook": "book",
    "booklet": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "conference-paper",
    "conference": "conference-paper",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
}
ENTRY_TYPE: Final[dict[WorkType, str]] = {
    "article": "article",
    "book": "book",
    "chapter": "incollection",
    "conference-paper": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "other": "misc",
    "unknown": "misc",
}
# Where each work type keeps its venue on writing; reading takes the first one present.
VENUE_FIELD: Final[dict[WorkType, str]] = {
    "article": "journal",
    "book": "publisher",
    "chapter": "booktitle",
    "conference-paper": "booktitle",
    "report": "institution",
    "thesis": "school",
    "other": "howpublished",
    "unknown": "howpublished",
}
VENUE_FIELDS: Final = (
    "journal",
    "journaltitle",
    "booktitle",
    "publisher",
    "institution",
    "school",
    "organization",
    "howpublished",
)
ET_AL: Final = "others"

_ENCODER: Final = UnicodeToLatexEncoder(
    # A straight double quote stays one (braced), not LaTeX's '' which reads back as a curly quote.
    conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, {ord('"'): '{"}'}), "defaults"],
    unknown_char_policy="keep",
    unknown_char_warning=False,
)


def _parse_stack() -> list[Middleware]:
    # Decoding keeps braces so that the name splitter still sees {Corporate and Sons} as one name.
    return [
        middlewares.LatexDecodingMiddleware(keep_braced_groups=True),
        middlewares.SeparateCoAuthors(),
        middlewares.SplitNameParts(),
    ]


def _unbrace(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def _text(entry: Entry, *keys: str) -> str | None:
    for key in keys:
        if key in entry and isinstance(entry[key], str):
            value = clean(_unbrace(entry[key]))
            if value is not None:
                return value
    return None


def _names(value: object) -> tuple[tuple[tuple[str, str], ...], bool]:
    names: list[tuple[str, str]] = []
    et_al = False
    parts_list = value if isinstance(value, list) else []
    for parts in parts_list:
        if not isinstance(parts, NameParts):
            continue
        family = clean(_unbrace(" ".join([*parts.von, *parts.last]))) or ""
        given = clean(_unbrace(" ".join([*parts.first, *parts.jr]))) or ""
        if family.lower() == ET_AL and not given:
            et_al = True
        elif family or given:
            names.append((family or given, given if family else ""))
    return tuple(names), et_al


def _problem_for(block: ParsingFailedBlock, path: Path) -> tuple[int, str]:
    line = (block.start_line or 0) + 1
    error = block.error
    if isinstance(block, DuplicateBlockKeyBlock):
        first = (block.previous_block.start_line or 0) + 1
        message = f"duplicate key {block.key!r} (first used at line {first})"
    elif isinstance(block, DuplicateFieldKeyBlock):
        message = f"field(s) {', '.join(sorted(block.duplicate_keys))} given twice in one entry"
    elif isinstance(block, MiddlewareErrorBlock):
        message = f"cannot decode the entry's LaTeX: {error}"
    elif isinstance(error, BlockAbortedException):
        message = f"BibTeX syntax error: {error.abort_reason.strip()}"
    else:
        message = f"BibTeX syntax error: {error}"
    return line, f"{path}:{line}: {message}"


def _entry(block: Entry, path: Path, record: int) -> BibEntry:
    """Raises ValueError naming the field when a year or DOI is not one."""
    line = (block.start_line or 0) + 1
    names = block["author"] if "author" in block else block.get("editor")
    authors, et_al = _names(names.value if isinstance(names, Field) else names)
    year_text = _text(block, "year") or (_text(block, "date") or "")[:4]
    doi_text = _text(block, "doi")
    year, suffix = parse_year(year_text) if year_text else (None, None)
    pages = _text(block, "pages")
    entry_type = block.entry_type.lower()
    return BibEntry(
        key=block.key,
        authors=authors,
        et_al=et_al,
        year=year,
        year_suffix=suffix,
        title=_text(block, "title"),
        venue=_text(block, *VENUE_FIELDS),
        volume=_text(block, "volume"),
        issue=_text(block, "number", "issue"),
        pages=normalize_pages(pages) if pages else None,
        doi=normalize_doi(doi_text) if doi_text else None,
        work_type=WORK_TYPE.get(entry_type, "other"),
        entry_type=entry_type,
        printed=block.raw or "",
        location=Location(path, record, line),
    )


def parse_bibtex(text: str, path: Path) -> tuple[list[BibEntry], list[str]]:
    """The entries of a BibTeX text and the problems found, in line order (``path`` names the
    file in messages). An entry without a key keeps the empty key; the reader generates one."""
    library = parse_string(text, append_middleware=_parse_stack())
    problems = [_problem_for(block, path) for block in library.failed_blocks]
    entries: list[BibEntry] = []
    for record, block in enumerate(library.entries, start=1):
        try:
            entries.append(_entry(block, path, record))
        except ValueError as exc:
            line = (block.start_line or 0) + 1
            problems.append((line, f"{path}:{line} (key {block.key!r}): {exc}"))
    return entries, [message for _, message in sorted(problems)]


def _encode(text: str) -> str:
    return str(_ENCODER.unicode_to_latex(text))


def _author_field(entry: BibEntry) -> str:
    names = []
    for family, given in entry.authors:
        if given:
            names.append(f"{_encode(family)}, {_encode(given)}")
        else:  # a corporate name or one we cannot split: braces keep it whole
            names.append("{" + _encode(family) + "}")
    if entry.et_al:
        names.append(ET_AL)
    return " and ".join(names)


def _bibtex_entry(entry: BibEntry) -> Entry:
    values: list[tuple[str, str | None]] = [
        ("author", _author_field(entry) or None),
        ("title", entry.title and _encode(entry.title)),
        (VENUE_FIELD[entry.work_type], entry.venue and _encode(entry.venue)),
        ("year", format_year(entry.year, entry.year_suffix) or None),
        ("volume", entry.volume and _encode(entry.volume)),
        ("number", entry.issue and _encode(entry.issue)),
        ("pages", entry.pages and _encode(entry.pages).replace("-", "--")),
        ("doi", entry.doi),
    ]
    fields = [Field(key, value) for key, value in values if value]
    return Entry(ENTRY_TYPE[entry.work_type], entry.key, fields)


def to_bibtex(entries: Sequence[BibEntry]) -> str:
    """A BibTeX text of the entries (UTF-8, LaTeX specials escaped, ``and others`` for et al.)."""
    library = Library()
    for entry in entries:
        library.add(_bibtex_entry(entry))
    return write_string(library)
