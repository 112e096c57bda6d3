"""The knowledge base's works, read once: real entries to write and real candidates to match."""

import pytest
from rdflib import Graph

from ingest.matching.evaluation.kb_works import KbWork, kb_works, read_kb
from ingest.matching.model import Candidate
from tests.conftest import ONTOLOGY


@pytest.fixture(scope="session")
def kb_graph_rdf() -> Graph:
    return read_kb(ONTOLOGY)


@pytest.fixture(scope="session")
def works(kb_graph_rdf: Graph) -> list[KbWork]:
    return kb_works(kb_graph_rdf)


@pytest.fixture(scope="session")
def candidates(works: list[KbWork]) -> list[Candidate]:
    return [work.candidate for work in works]
