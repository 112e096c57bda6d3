"""The knowledge base's works as the matcher's candidates and as bibliography entries, and the
author-year forms its citations use (smeo:citedAs)."""

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from ingest.bibliography.fields import normalize_pages
from ingest.bibliography.model import WORK_TYPES, BibEntry, WorkType
from ingest.matching.model import Candidate
from ingest.matching.names import parse_author_list
from loaders.sources import Layout, parse_files
from smekg.namespaces import BIBO, SMEO


@dataclass(frozen=True)
class KbWork:
    """One smeo:Work (source documents included) with what the graph records of it."""

    iri: str
    candidate: Candidate
    entry: BibEntry


def read_kb(ontology: Path) -> Graph:
    """The ontology and knowledge base under ``ontology`` (the folder holding sme.ttl, kb/)."""
    return parse_files(Layout(ontology).data_files)


def _text(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    values = sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))
    return values[0] if values else None


def _work_type(value: str | None) -> WorkType:
    for work_type in WORK_TYPES:
        if work_type == value:
            return work_type
    return "unknown"


def kb_works(graph: Graph) -> list[KbWork]:
    """Every smeo:Work and smeo:SourceDocument (a source document is a work too), by IRI."""
    subjects = set(graph.subjects(RDF.type, SMEO.Work)) | set(
        graph.subjects(RDF.type, SMEO.SourceDocument)
    )
    works: list[KbWork] = []
    for subject in sorted(s for s in subjects if isinstance(s, URIRef)):
        authors = _text(graph, subject, SMEO.authorList) or ""
        year_text = _text(graph, subject, SMEO.year)
        year = int(year_text) if year_text else None
        suffix = _text(graph, subject, SMEO.yearSuffix)
        title = _text(graph, subject, DCTERMS.title)
        doi = _text(graph, subject, BIBO.doi)
        candidate = Candidate(str(subject), authors, year, suffix, title, doi)
        parsed = parse_author_list(authors)
        pages = _text(graph, subject, BIBO.pages)
        entry = BibEntry(
            key=str(subject).rsplit("/", 1)[-1],
            authors=tuple((n.family, n.given) for n in parsed.names),
            et_al=parsed.et_al,
            year=year,
            year_suffix=suffix,
            title=title,
            venue=_text(graph, subject, SMEO.venue),
            volume=_text(graph, subject, BIBO.volume),
            issue=_text(graph, subject, BIBO.issue),
            pages=normalize_pages(pages) if pages else None,
            doi=doi.lower() if doi else None,
            work_type=_work_type(_text(graph, subject, SMEO.workType)),
        )
        works.append(KbWork(str(subject), candidate, entry))
    return works


def kb_cited_forms(graph: Graph) -> list[tuple[str, str]]:
    """(cited work IRI, in-text form as printed) for every smeo:citedAs of every citation."""
    pairs = {
        (str(work), str(form))
        for citation in graph.subjects(RDF.type, SMEO.Citation)
        for work in graph.objects(citation, SMEO.citedWork)
        for form in graph.objects(citation, SMEO.citedAs)
    }
    return sorted(pairs)
