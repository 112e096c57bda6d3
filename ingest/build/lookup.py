"""What the importer asks the published graph: which IRIs exist, which things of a class are
there under which names, which works a year or DOI brings up, and how nodes are described.
Thin I/O over named queries; everything it returns is plain data."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from rdflib import URIRef


class Reader(Protocol):
    def read(self, name: str, **params: Any) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class WorkCandidate:
    iri: str
    authors: str
    year: int | None
    year_suffix: str | None
    title: str | None
    doi: str | None
    cited_as: tuple[str, ...]


def _candidate(row: dict[str, Any]) -> WorkCandidate:
    title = row["title"]
    forms = [f for per in row["citedAs"] for f in (per if isinstance(per, list) else [per])]
    return WorkCandidate(
        row["iri"],
        row["authors"] or "",
        row["year"],
        row["yearSuffix"],
        title[0] if isinstance(title, list) else title,
        row["doi"],
        tuple(forms),
    )


class GraphLookup:
    """The published graph, as the importer needs to see it."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader

    def existing(self, iris: Iterable[str]) -> set[str]:
        wanted = sorted(set(iris))
        return {r["iri"] for r in self._reader.read("get_resources", iris=wanted)}

    def named(self, classes: Iterable[str]) -> list[tuple[URIRef, set[str], list[str]]]:
        rows = self._reader.read("get_named_resources", classes=sorted(set(classes)))
        return [(URIRef(r["iri"]), set(r["labels"]), list(r["names"])) for r in rows]

    def works(self, years: Iterable[int], dois: Iterable[str]) -> list[WorkCandidate]:
        found = {
            c.iri: c
            for c in map(
                _candidate, self._reader.read("get_works_by_year", years=sorted(set(years)))
            )
        }
        for work in self.works_by_doi(dois):
            found.setdefault(work.iri, work)
        return list(found.values())

    def author_lists(self, years: Iterable[int]) -> set[str]:
        """The author lists (as printed) of the works published in these years."""
        rows = self._reader.read("get_author_lists_by_year", years=sorted(set(years)))
        return {r["authors"] for r in rows}

    def works_by_authors(self, years: Iterable[int], authors: Iterable[str]) -> list[WorkCandidate]:
        """The works published in these years under these author lists, or under none."""
        rows = self._reader.read(
            "get_works_by_year_and_authors", years=sorted(set(years)), authors=sorted(authors)
        )
        return [_candidate(r) for r in rows]

    def works_by_doi(self, dois: Iterable[str]) -> list[WorkCandidate]:
        rows = self._reader.read("get_works_by_doi", dois=sorted(set(dois)))
        return [_candidate(r) for r in rows]

    def describe(self, iris: Iterable[str]) -> list[dict[str, Any]]:
        """Labels, properties, and relationships out and in, of each existing IRI."""
        return self._reader.read("get_descriptions", iris=sorted(set(iris)))

    def describe_outward(self, iris: Iterable[str]) -> list[dict[str, Any]]:
        """Like ``describe``, with only the citations among the relationships in."""
        return self._reader.read("get_outward_descriptions", iris=sorted(set(iris)))
