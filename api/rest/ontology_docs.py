"""The ontology's documentation page: pyLODE's (decision 0030) with two changes.

- pyLODE reads every `skos:ConceptScheme` as a header of the document (it would merge the
  schemes' labels into the ontology's title); here the schemes are documented in a section of
  their own, "Controlled vocabularies", with each concept's IRI, label, notation and definition
  (pyLODE's profile has no section for individuals).
- The stylesheet is linked from `CSS_PATH`, not inlined: the page needs no inline style under
  the strict Content-Security-Policy (decision 0021).

pyLODE is imported without its side effect: one of its modules calls
`logging.basicConfig(level=DEBUG)` at import, which made the API log every Bolt message of
every query (thousands of lines a second under load, and seconds added to each request).
"""

import importlib
import logging
from importlib.resources import files
from types import ModuleType
from typing import TYPE_CHECKING

from dominate.tags import code, dd, div, dl, dt, h2, h3, p, table, td, th, tr
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

CSS_PATH = "/ontology/pylode.css"


def _import_keeping_logging(name: str) -> ModuleType:
    """Import `name`; the root logger's level and handlers stay as they were."""
    root = logging.getLogger()
    level, handlers = root.level, root.handlers[:]
    try:
        return importlib.import_module(name)
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers


if TYPE_CHECKING:
    from pylode import OntPub
else:
    OntPub = _import_keeping_logging("pylode").OntPub


def _text(graph: Graph, term: Node, predicate: URIRef) -> str:
    value = graph.value(term, predicate)
    return "" if value is None else str(value)


class _Documentation(OntPub):  # type: ignore[misc]
    """pyLODE's OntPub profile (terms sorted by label), with the concept schemes in a section
    after the properties."""

    def __init__(self, ontology: Graph) -> None:
        self.vocabularies = Graph()
        for scheme in ontology.subjects(RDF.type, SKOS.ConceptScheme):
            self.vocabularies += ontology.triples((scheme, None, None))
            for concept in ontology.subjects(SKOS.inScheme, scheme):
                self.vocabularies += ontology.triples((concept, None, None))
        without_schemes = Graph() + ontology
        without_schemes.remove((None, RDF.type, SKOS.ConceptScheme))
        super().__init__(without_schemes, sort_subjects=True)

    def _make_main_sections(self) -> None:
        super()._make_main_sections()
        with self.content, div(id="vocabularies", _class="section"):
            h2("Controlled vocabularies")
            p("SKOS concept schemes: each concept is an individual of its class above.")
            for scheme in sorted(self.vocabularies.subjects(RDF.type, SKOS.ConceptScheme), key=str):
                self._scheme(scheme)

    def _scheme(self, scheme: Node) -> None:
        graph = self.vocabularies
        with div(_class="entity"):
            h3(_text(graph, scheme, SKOS.prefLabel))
            with dl():
                dt("IRI")
                dd(code(str(scheme)))
                dt("Definition")
                dd(_text(graph, scheme, SKOS.definition))
            with table():
                tr(th("Notation"), th("Label"), th("IRI"), th("Definition"))
                concepts = graph.subjects(SKOS.inScheme, scheme)
                for concept in sorted(concepts, key=lambda c: _text(graph, c, SKOS.notation)):
                    tr(
                        td(code(_text(graph, concept, SKOS.notation))),
                        td(_text(graph, concept, SKOS.prefLabel)),
                        td(code(str(concept))),
                        td(_text(graph, concept, SKOS.definition)),
                    )


def documentation(ontology: Graph) -> str:
    """The page for `ontology`, its stylesheet linked from `CSS_PATH` (not inlined)."""
    page = str(_Documentation(ontology).make_html(include_css=True))
    start, end = page.index("<style>"), page.index("</style>") + len("</style>")
    return f'{page[:start]}<link href="{CSS_PATH}" rel="stylesheet">{page[end:]}'


def stylesheet() -> str:
    return files("pylode").joinpath("pylode.css").read_text(encoding="utf-8")
