"""The RDF <-> property-graph mapping is reversible (pure tests, no database)."""

from rdflib import Graph

from loaders.mapping import iri_for, key_for, to_property_graph, to_rdf
from smekg.namespaces import SMEO
from tests.rdf_compare import assert_isomorphic

TRICKY = """
@prefix smeo: <https://w3id.org/sme-intl-kg/ontology#> .
@prefix kb: <https://w3id.org/sme-intl-kg/kb/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
kb:a a smeo:Category , skos:Concept ;
    skos:prefLabel "Domestic conditions" ;
    skos:altLabel "one"@en , "dua"@ms , "three" ;
    smeo:share 0.75 ; smeo:sampleSize 32 ; smeo:order 1 ;
    dcterms:created "2026-11-24"^^xsd:date ;
    smeo:summary "" ;
    smeo:inFactor kb:b .
kb:b a smeo:Factor ; smeo:condition "x" , "y" ; smeo:count "7"^^xsd:double ; smeo:share 1.0 .
"""


def test_round_trip_keeps_languages_datatypes_lists_and_empty_strings() -> None:
    graph = Graph().parse(data=TRICKY, format="turtle")
    pg = to_property_graph(graph)
    assert_isomorphic(graph, to_rdf(pg.nodes, pg.edges))


def test_keys_are_readable_and_reversible() -> None:
    assert key_for(SMEO.inFactor) == "inFactor"
    assert key_for(iri_for("skos_prefLabel")) == "skos_prefLabel"
    assert iri_for("inFactor") == SMEO.inFactor


def test_literal_properties_and_labels() -> None:
    pg = to_property_graph(Graph().parse(data=TRICKY, format="turtle"))
    node = next(n for n in pg.nodes if n.iri.endswith("/a"))
    assert node.labels == ("Resource", "Category", "skos_Concept")
    assert node.props["share"] == 0.75
    assert node.props["sampleSize"] == 32
    assert sorted(node.props["skos_altLabel"]) == ["dua", "one", "three"]
    edge_types = {e.type for e in pg.edges}
    assert edge_types == {"inFactor"}
