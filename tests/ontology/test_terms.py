"""The ontology's own hygiene: a complete header, every term labelled and defined, labels that
do not clash, and no term that neither the knowledge base nor the shapes use."""

from collections import Counter

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from loaders.sources import Layout, parse_file, parse_files
from smekg.namespaces import SMEO
from tests.conftest import ONTOLOGY

ONTOLOGY_IRI = URIRef("https://w3id.org/sme-intl-kg/ontology")


def _tbox() -> Graph:
    return parse_files([ONTOLOGY / "sme.ttl"])


def _own_terms(tbox: Graph) -> set[URIRef]:
    return {s for s in tbox.subjects() if isinstance(s, URIRef) and str(s).startswith(str(SMEO))}


def test_header_is_complete() -> None:
    tbox = _tbox()
    wanted = [
        OWL.versionIRI,
        OWL.versionInfo,
        OWL.priorVersion,
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.creator,
        DCTERMS.publisher,
        DCTERMS.license,
        DCTERMS.issued,
        DCTERMS.modified,
    ]
    assert [p for p in wanted if tbox.value(ONTOLOGY_IRI, p) is None] == []


def test_every_term_is_labelled_and_defined() -> None:
    tbox = _tbox()
    unlabelled = sorted(
        str(t)
        for t in _own_terms(tbox)
        if tbox.value(t, RDFS.label) is None and tbox.value(t, SKOS.prefLabel) is None
    )
    undefined = sorted(str(t) for t in _own_terms(tbox) if tbox.value(t, SKOS.definition) is None)
    assert (unlabelled, undefined) == ([], [])


def test_labels_do_not_clash() -> None:
    tbox = _tbox()
    labels: Counter[str] = Counter()
    for term in _own_terms(tbox):
        names = {
            str(v).casefold() for p in (RDFS.label, SKOS.prefLabel) for v in tbox.objects(term, p)
        }
        labels.update(names)
    assert {label: n for label, n in labels.items() if n > 1} == {}


def test_no_unused_term() -> None:
    """Every class, property and concept is used by the knowledge base or named by a shape
    (the terms the importer writes for new documents are in the shapes before any document
    uses them)."""
    tbox = _tbox()
    kb = parse_files(sorted((ONTOLOGY / "kb").glob("*.ttl")))
    shapes = Graph()
    for path in Layout(ONTOLOGY).shape_files:
        parse_file(path, into=shapes)
    used = {n for triple in kb for n in triple} | {n for triple in shapes for n in triple}
    schemes = set(tbox.subjects(RDF.type, SKOS.ConceptScheme))
    in_scheme = {s for s, _, o in tbox.triples((None, SKOS.inScheme, None)) if o in schemes}
    used |= {o for s in in_scheme for o in tbox.objects(s, SKOS.inScheme)}
    terms = _own_terms(tbox) - {ONTOLOGY_IRI}
    unused = sorted(str(t) for t in terms if t not in used and t not in in_scheme)
    assert unused == []
