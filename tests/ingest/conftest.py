"""Fixtures for the write side: the knowledge base's works (real entries to write and real
candidates to match), a copy of the real knowledge base loaded into the test Neo4j (so imports
never touch `ontology/`), and a copy of the fictional test document to edit."""

import hashlib
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from rdflib import Graph

from ingest.contribute import Outcome
from ingest.importing import ImportRequest, import_sheet
from ingest.matching.evaluation.kb_works import KbWork, kb_works, read_kb
from ingest.matching.model import Candidate
from ingest.provenance import Curator
from loaders.pipeline import export_graph, load
from loaders.sources import Layout
from loaders.writer import writer_session
from smekg.settings import Settings
from tests.conftest import ONTOLOGY

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def kb_graph_rdf() -> Graph:
    return read_kb(ONTOLOGY)


@pytest.fixture(scope="session")
def works(kb_graph_rdf: Graph) -> list[KbWork]:
    return kb_works(kb_graph_rdf)


@pytest.fixture(scope="session")
def candidates(works: list[KbWork]) -> list[Candidate]:
    return [work.candidate for work in works]


CURATOR = Curator("Test Curator", "https://orcid.org/0000-0002-1825-0097")


@dataclass
class KnowledgeBase:
    """A copy of the ontology folder, loaded into the test database."""

    layout: Layout
    driver: Driver
    settings: Settings
    sources: Path

    def graph(self) -> Graph:
        return export_graph(self.driver, self.settings.neo4j_database)

    def files(self) -> dict[str, str]:
        """Every file of the folder with the hash of its bytes."""
        return {
            str(p.relative_to(self.layout.root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.layout.root.rglob("*"))
            if p.is_file()
        }

    def import_sheet(self, request: ImportRequest) -> Outcome:
        with writer_session(self.driver, self.settings.neo4j_database) as writer:
            return import_sheet(writer, self.layout, request, CURATOR, self.sources)


@pytest.fixture
def kb(clean_db: Driver, settings: Settings, tmp_path: Path) -> KnowledgeBase:
    root = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, root, ignore=shutil.ignore_patterns("examples"))
    layout = Layout(root)
    load(layout, clean_db, settings.neo4j_database)
    return KnowledgeBase(layout, clean_db, settings, settings.smekg_sources_dir)


@pytest.fixture
def novak(tmp_path: Path) -> Path:
    """An editable copy of the fictional test document's folder."""
    folder = tmp_path / "novak2019"
    shutil.copytree(FIXTURES / "novak2019", folder)
    return folder


def novak_request(folder: Path, **changes: Any) -> ImportRequest:
    request = ImportRequest(
        folder / "novak2019.csv",
        text=folder / "novak2019.txt",
        bibliography=folder / "novak2019.bib",
    )
    return replace(request, **changes)
