"""One node per work: each row of the works sheet is matched against the works of this sheet
and of the graph (DOI exactly; otherwise first author, year and title), and references to
works in other sheets ('Burgel et al. 2001', a bibliography key) are resolved the same way."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rdflib import URIRef

from ingest.build.cells import split_list
from ingest.build.iris import compact, digest, parse_iri, slug
from ingest.build.lookup import GraphLookup, WorkCandidate
from ingest.build.names import normalize_name
from ingest.errors import Where
from ingest.sheet.io import Row
from smekg.namespaces import KB

TITLE_THRESHOLD = 90  # rapidfuzz token_set_ratio of normalized titles for "the same title"
_YEAR = re.compile(r"(?P<year>1[89]\d\d|20\d\d)(?P<suffix>[a-z])?\b")
_AUTHOR_END = re.compile(r"\s*(,|&|\band\b|\bet al\b|\(|$)", re.IGNORECASE)


def first_author(text: str) -> str:
    """The first author's surname, normalized: 'Abdul Rashid, M.Z. & Tan' -> 'abdul rashid'."""
    head = _AUTHOR_END.split(text.strip(), maxsplit=1)[0]
    return normalize_name(head)


def cited_year(text: str) -> tuple[int, str | None] | None:
    match = _YEAR.search(text)
    return (int(match.group("year")), match.group("suffix")) if match else None


def normalize_doi(doi: str) -> str:
    return re.sub(
        r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi.strip(), flags=re.IGNORECASE
    ).lower()


@dataclass(frozen=True)
class Entry:
    """A work as a row (or a bibliography entry) describes it."""

    authors: str
    year: int | None
    suffix: str | None
    title: str | None
    doi: str | None


@dataclass
class Choice:
    """Which node a works row stands for."""

    iri: URIRef
    new: bool
    variants: list[str] = field(default_factory=list)  # differences from the existing work


def _same_title(a: str | None, b: str | None) -> bool | None:
    if not a or not b:
        return None
    return fuzz.token_set_ratio(normalize_name(a), normalize_name(b)) >= TITLE_THRESHOLD


def match(entry: Entry, candidates: list[WorkCandidate]) -> tuple[list[WorkCandidate], list[str]]:
    """The candidates that are this work (with the ways they differ): DOI first, then author,
    year (±1 only with the same title) and title."""
    if entry.doi:
        by_doi = [
            c for c in candidates if c.doi and normalize_doi(c.doi) == normalize_doi(entry.doi)
        ]
        if by_doi:
            return by_doi, []
    author = first_author(entry.authors)
    same: list[WorkCandidate] = []
    variants: list[str] = []
    for c in candidates:
        if first_author(c.authors) != author or entry.year is None or c.year is None:
            continue
        title = _same_title(entry.title, c.title)
        if (
            c.year == entry.year
            and (c.year_suffix or None) == (entry.suffix or None)
            and title is not False
        ):
            same.append(c)
        elif abs(c.year - entry.year) == 1 and title:
            same.append(c)
            variants.append(f"year {entry.year} here, {c.year} in the knowledge base")
    return same, variants


class WorkResolver:
    """Decides the node of every works row, and finds works named in other sheets."""

    def __init__(self, lookup: GraphLookup, fail: Callable[[str, Where], None]) -> None:
        self._lookup = lookup
        self._fail = fail
        self.choices: dict[int, Choice] = {}  # works-sheet row number -> choice
        self._rows: list[tuple[Row, Choice]] = []
        self._graph: list[WorkCandidate] = []

    def plan(self, rows: list[Row], existing: set[str], taken: set[str]) -> None:
        years = {y + d for r in rows for y in [_int(r.get("year"))] if y for d in (-1, 0, 1)}
        years |= {
            c[0] for r in rows for f in split_list(r.get("cited_as")) for c in [cited_year(f)] if c
        }
        dois = {normalize_doi(r.get("doi")) for r in rows if r.get("doi")}
        self._graph = self._lookup.works(years, dois)
        for row in rows:
            choice = self._choose(row, existing, taken)
            if choice is not None:
                taken.add(str(choice.iri))
                self.choices[row.number] = choice
                self._rows.append((row, choice))

    def _choose(self, row: Row, existing: set[str], taken: set[str]) -> Choice | None:
        entry = _entry(row)
        found, variants = match(entry, self._graph)
        given = row.get("id")
        if given:
            try:
                iri = parse_iri(given)
            except ValueError as exc:
                self._fail(str(exc), row.at("id"))
                return None
            if iri is None:
                self._fail(f"{given!r} is not an id: write kb:name or a full IRI", row.at("id"))
                return None
            strong = [
                c
                for c in found
                if c.iri != str(iri) and (entry.doi or _same_title(entry.title, c.title))
            ]
            if str(iri) not in existing and strong:
                self._fail(_already(strong), row.at("id"))
            return Choice(iri, str(iri) not in existing, variants if str(iri) in existing else [])
        if len(found) > 1:
            listed = "; ".join(
                f"{compact(c.iri)} ({c.authors} {c.year}: {c.title or 'no title'})" for c in found
            )
            self._fail(
                f"this work matches several works: {listed} — write the right one in id", row.where
            )
            return None
        if found:
            return Choice(URIRef(found[0].iri), False, variants)
        if not entry.authors:
            self._fail(
                "a new work needs its authors (and year) to be recognised", row.at("authors")
            )
            return None
        base = f"work-{slug(first_author(entry.authors), 24)}{entry.year or ''}{entry.suffix or ''}"
        iri = KB[base]
        if str(iri) in existing or str(iri) in taken:
            iri = KB[f"{base}-{digest(entry.authors, entry.title or '', length=6)}"]
        return Choice(iri, True)

    def resolve_text(self, cell: str, where: Where) -> URIRef | None:
        """A work named by a works-sheet key, an in-text form, or 'Authors Year'."""
        wanted = normalize_name(cell)
        local = [c.iri for r, c in self._rows if wanted in _names(r)]
        if len(set(local)) == 1:
            return local[0]
        year = cited_year(cell)
        hits = {
            URIRef(c.iri) for c in self._graph if wanted in {normalize_name(f) for f in c.cited_as}
        }
        if not hits and year is not None:
            author = first_author(cell)
            hits |= {
                URIRef(c.iri)
                for r, c in self._rows
                if _entry(r).year == year[0] and first_author(_entry(r).authors) == author
            }
            if not hits:
                hits = {
                    URIRef(c.iri)
                    for c in self._graph + self._lookup.works({year[0]}, set())
                    if c.year == year[0]
                    and (c.year_suffix or None) == year[1]
                    and first_author(c.authors) == author
                }
        if len(hits) == 1:
            return hits.pop()
        if hits:
            listed = "; ".join(sorted(compact(str(h)) for h in hits))
            self._fail(f"{cell!r} may be any of {listed} — write the id", where)
        else:
            self._fail(f"no work {cell!r} in the works sheet or the knowledge base", where)
        return None


def _int(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _entry(row: Row) -> Entry:
    titles = split_list(row.get("title"))
    doi = row.get("doi")
    return Entry(
        row.get("authors"),
        _int(row.get("year")),
        row.get("year_suffix") or None,
        titles[0] if titles else None,
        normalize_doi(doi) if doi else None,
    )


def _names(row: Row) -> set[str]:
    entry = _entry(row)
    names = {normalize_name(f) for f in split_list(row.get("cited_as"))}
    if row.get("key"):
        names.add(normalize_name(row.get("key")))
    if row.get("id"):
        names.add(normalize_name(row.get("id")))
    if entry.authors and entry.year:
        names.add(normalize_name(f"{entry.authors} {entry.year}{entry.suffix or ''}"))
    return names


def _already(others: list[WorkCandidate]) -> str:
    listed = "; ".join(f"{compact(c.iri)} ({c.authors} {c.year})" for c in others)
    return f"this work is already in the knowledge base as {listed}: use that id"
