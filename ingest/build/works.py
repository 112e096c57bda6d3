"""One node per work: each row of the works sheet is matched against the works of the graph
(ingest/matching: DOI exactly; otherwise authors, year and title — decision 0012), and
references to works in other sheets ('Burgel et al. 2001', a bibliography key) are resolved
among this sheet's works and the graph's. An ambiguous match stops the import with the
candidates listed; the curator settles it in a decisions file."""

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import URIRef

from ingest.build.cells import split_list
from ingest.build.iris import compact, digest, parse_iri, slug
from ingest.build.lookup import GraphLookup, WorkCandidate
from ingest.build.names import normalize_name
from ingest.errors import Where
from ingest.matching import (
    AuthorList,
    Candidate,
    CandidatePool,
    CitedForm,
    CitedFormError,
    Decisions,
    Match,
    MatchKind,
    match_cited_form,
    match_described,
    parse_author_list,
    parse_cited_form,
    parse_cited_forms,
    relevant_author_lists,
)
from ingest.sheet.io import Row
from smekg.namespaces import KB

KNOWN = (MatchKind.DOI, MatchKind.SAME, MatchKind.VARIANT)


@dataclass
class Choice:
    """Which node a works row stands for."""

    iri: URIRef
    new: bool
    variants: list[str] = field(default_factory=list)  # differences from the existing work


def _int(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _candidate(row: Row, iri: URIRef) -> Candidate:
    titles = split_list(row.get("title"))
    return Candidate(
        str(iri),
        row.get("authors"),
        _int(row.get("year")),
        row.get("year_suffix") or None,
        titles[0].rsplit("@", 1)[0] if titles else None,
        row.get("doi").lower() or None,
    )


def _graph_candidate(work: WorkCandidate) -> Candidate:
    return Candidate(work.iri, work.authors, work.year, work.year_suffix, work.title, work.doi)


def _entries(rows: list[Row]) -> list[AuthorList]:
    """The author lists the works rows will be matched by: their own, and their cited forms'."""
    entries = [parse_author_list(r.get("authors")) for r in rows if r.get("authors")]
    for row in rows:
        for text in split_list(row.get("cited_as")):
            try:
                entries += [f.authors for f in parse_cited_forms(text)]
            except CitedFormError:
                continue
    return entries


def _listed(match: Match) -> str:
    return "; ".join(f"{compact(c.iri)} (score {c.score:.0f})" for c in match.candidates[:5])


def _years(rows: list[Row]) -> set[int]:
    years = {y + d for r in rows for y in [_int(r.get("year"))] if y for d in (-1, 0, 1)}
    for row in rows:
        for text in split_list(row.get("cited_as")):
            try:
                years |= {f.year + d for f in parse_cited_forms(text) if f.year for d in (-1, 0, 1)}
            except CitedFormError:
                continue
    return years


class WorkResolver:
    """Decides the node of every works row, and finds works named in other sheets."""

    def __init__(
        self,
        lookup: GraphLookup,
        fail: Callable[[str, Where], None],
        decisions: Decisions | None,
        own: set[str],
    ) -> None:
        self.own = own  # works this document's earlier import introduced: described again
        self._lookup = lookup
        self._fail = fail
        self._decisions = decisions
        self.choices: dict[int, Choice] = {}  # works-sheet row number -> choice
        self._rows: list[tuple[Row, Choice]] = []
        self._graph = CandidatePool(())
        # The graph's works within a year of the sheet's, fetched by author list: only those
        # whose first author may be an entry's (matching would leave the others out).
        self._years: set[int] = set()
        self._printed: set[str] = set()
        self._fetched: set[str] = set()
        self._known: dict[str, Candidate] = {}

    def plan(self, rows: list[Row], existing: set[str], taken: set[str]) -> None:
        dois = {r.get("doi").lower() for r in rows if r.get("doi")}
        self._years = _years(rows)
        self._printed = self._lookup.author_lists(self._years)
        self._fetched = relevant_author_lists(_entries(rows), self._printed)
        self._known = {}
        self._add(
            self._lookup.works_by_doi(dois)
            + self._lookup.works_by_authors(self._years, self._fetched)
        )
        for row in rows:
            choice = self._choose(row, existing, taken)
            if choice is not None:
                taken.add(str(choice.iri))
                self.choices[row.number] = choice
                self._rows.append((row, choice))

    def _fetch(self, entries: list[AuthorList]) -> None:
        """Adds to the pool the works of the sheet's years that can count for ``entries``
        and were not fetched yet."""
        wanted = relevant_author_lists(entries, self._printed) - self._fetched
        if wanted:
            self._add(self._lookup.works_by_authors(self._years, wanted))
            self._fetched |= wanted

    def _add(self, works: list[WorkCandidate]) -> None:
        for work in works:
            self._known.setdefault(work.iri, _graph_candidate(work))
        self._graph = CandidatePool(self._known.values())

    def _match(self, row: Row) -> Match:
        entry = _candidate(row, KB["incoming"])
        key = row.get("key") or f"{entry.authors} {entry.year or ''}{entry.year_suffix or ''}"
        return match_described(
            key,
            entry.authors,
            entry.year,
            entry.year_suffix,
            entry.title,
            entry.doi,
            self._graph,
            self._decisions,
        )

    def _choose(self, row: Row, existing: set[str], taken: set[str]) -> Choice | None:
        if row.get("id"):
            return self._given(row, existing)
        if not row.get("authors"):
            return self._by_cited_form(row)
        match = self._match(row)
        if match.kind is MatchKind.AMBIGUOUS:
            key = row.get("key") or row.get("authors")
            self._fail(
                f"this work may be any of {_listed(match)} — settle it in a decisions file "
                f'(--decisions FILE: [decisions] "{key}" = "kb:…" or "new")',
                row.where,
            )
            return None
        if match.kind in KNOWN and match.work is not None:
            if match.work in self.own:  # introduced by this document's earlier import
                return Choice(URIRef(match.work), True)
            return Choice(URIRef(match.work), False, [str(d) for d in match.differences])
        base = f"work-{slug(row.get('authors').split(',')[0].split('&')[0], 24)}"
        base += f"{row.get('year')}{row.get('year_suffix')}"
        iri = KB[base]
        if str(iri) in existing or str(iri) in taken:
            iri = KB[f"{base}-{digest(row.get('authors'), row.get('title'), length=6)}"]
        return Choice(iri, True)

    def _by_cited_form(self, row: Row) -> Choice | None:
        """A row with only its in-text form names a work already in the graph."""
        forms = split_list(row.get("cited_as"))
        if not forms:
            self._fail("a work needs its authors (as printed), its id or its cited form", row.where)
            return None
        found = self._cited(forms[0], row.at("cited_as"))
        return Choice(found, False) if found is not None else None

    def _given(self, row: Row, existing: set[str]) -> Choice | None:
        try:
            iri = parse_iri(row.get("id"))
        except ValueError as exc:
            self._fail(str(exc), row.at("id"))
            return None
        if iri is None:
            self._fail(f"{row.get('id')!r} is not an id: write kb:name or a full IRI", row.at("id"))
            return None
        if str(iri) in existing:
            return Choice(iri, str(iri) in self.own)
        if row.get("authors"):
            match = self._match(row)
            if match.kind in (MatchKind.DOI, MatchKind.SAME) and match.work not in (None, str(iri)):
                known = compact(str(match.work))
                self._fail(
                    f"this work is already in the knowledge base as {known}: use that id",
                    row.at("id"),
                )
        return Choice(iri, True)

    def resolve_text(self, cell: str, where: Where) -> URIRef | None:
        """A work named by a works-sheet key or in-text form, or by 'Authors Year'."""
        wanted = normalize_name(cell)
        local = {c.iri for r, c in self._rows if wanted in _names(r)}
        if len(local) == 1:
            return local.pop()
        try:
            forms = parse_cited_forms(cell)
        except CitedFormError:
            forms = ()
        if len(forms) != 1:
            self._fail(
                f"no work {cell!r} in the works sheet (name it by its key or cited form)", where
            )
            return None
        same = {c.iri for r, c in self._rows if _same_form(forms[0], r)}
        if len(same) == 1:
            return same.pop()
        return self._cited(cell, where, forms[0])

    def _cited(self, cell: str, where: Where, form: CitedForm | None = None) -> URIRef | None:
        """The one work an author-year form names among this sheet's and the graph's works."""
        if form is None:
            try:
                form = parse_cited_form(cell)
            except CitedFormError:
                self._fail(f"{cell!r} is not an author-year citation; give the authors", where)
                return None
        self._fetch([form.authors])
        own = [_candidate(r, c.iri) for r, c in self._rows if r.get("authors")]
        year = form.year
        extra = [_graph_candidate(w) for w in self._lookup.works({year}, set())] if year else []
        pool = {c.iri: c for c in [*self._graph.candidates, *extra, *own]}
        match = match_cited_form(form, CandidatePool(pool.values()), self._decisions)
        if match.kind in KNOWN and match.work is not None:
            return URIRef(match.work)
        if match.kind is MatchKind.AMBIGUOUS:
            self._fail(f"{cell!r} may be any of {_listed(match)} — write the id", where)
        else:
            self._fail(f"no work {cell!r} in the works sheet or the knowledge base", where)
        return None


def _names(row: Row) -> set[str]:
    names = {normalize_name(f) for f in split_list(row.get("cited_as"))}
    for column in ("key", "id"):
        if row.get(column):
            names.add(normalize_name(row.get(column)))
    return names


def _form_key(form: CitedForm) -> tuple[str, int | None, str | None] | None:
    names = form.authors.names
    return (names[0].key, form.year, form.year_suffix) if names else None


def _same_form(form: CitedForm, row: Row) -> bool:
    """Whether a works row is cited by the same first author, year and suffix as `form`."""
    for text in split_list(row.get("cited_as")):
        try:
            if any(_form_key(f) == _form_key(form) for f in parse_cited_forms(text)):
                return True
        except CitedFormError:
            continue
    return False
