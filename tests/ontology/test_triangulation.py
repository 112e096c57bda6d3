"""Triangulation links (this project's reading of the review beside the panel) cover every
perspective of the review's Table 1 and every one is marked as the project's interpretation."""

from rdflib import RDF, URIRef

from loaders.sources import Layout, parse_files
from smekg.namespaces import KB, SMEO
from tests.conftest import ONTOLOGY

REVIEW_PERSPECTIVES = {
    KB["persp-stage"],
    KB["persp-internalization-tc"],
    KB["persp-strategic-choice"],
    KB["persp-learning-knowledge"],
    KB["persp-rbv-network"],
}


def test_every_review_perspective_has_a_triangulation_link() -> None:
    graph = parse_files(Layout(ONTOLOGY).data_files)
    linked = {p for p in graph.objects(None, SMEO.literaturePerspective) if isinstance(p, URIRef)}
    assert REVIEW_PERSPECTIVES - linked == set()


def test_every_link_is_the_projects_reading_with_both_agreement_kinds_used() -> None:
    graph = parse_files(Layout(ONTOLOGY).data_files)
    links = set(graph.subjects(RDF.type, SMEO.TriangulationLink))
    assert {graph.value(link, SMEO.interpretedBy) for link in links} == {KB.project}
    assert {graph.value(link, SMEO.agreement) for link in links} == {
        SMEO.Agree,
        SMEO.Disagree,
        SMEO.SpeakPast,
    }
