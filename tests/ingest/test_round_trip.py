"""The proof on real data: both seed documents exported as filled coding sheets and imported,
in that order, through the command line into an empty knowledge base (the ontology and the
project's agent only) give back exactly today's knowledge base — every statement of every kind
the sheets cover, which is every statement of the seeds."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from neo4j import Driver
from rdflib import Graph

from ingest.provenance import is_provenance
from loaders.pipeline import export_graph, load
from loaders.sources import Layout, parse_files
from smekg.namespaces import KB
from smekg.settings import Settings
from tests.conftest import ONTOLOGY, ROOT
from tests.rdf_compare import assert_isomorphic

TEXTS = {"doc-wright2007": "000_233fc5d78ba7daa7.txt", "doc-chesenik": "003_a2a048b9a24a6924.txt"}


def _smekg(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "SMEKG_CURATOR": "Round Trip",
    }
    return subprocess.run(
        [sys.executable, "-m", "commands", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


def _empty_knowledge_base(root: Path, seed: Graph) -> Layout:
    (root / "kb").mkdir(parents=True)
    shutil.copy(ONTOLOGY / "sme.ttl", root / "sme.ttl")
    shutil.copytree(ONTOLOGY / "shapes", root / "shapes")
    shutil.copytree(ONTOLOGY / "checks", root / "checks")
    agent = Graph()
    for triple in seed.triples((KB.project, None, None)):
        agent.add(triple)
    agent.serialize(root / "kb" / "agents.ttl", format="turtle")
    return Layout(root)


def _without_provenance(graph: Graph) -> Graph:
    kept = Graph()
    for triple in graph:
        if not is_provenance(graph, triple[0]):
            kept.add(triple)
    return kept


def test_both_seed_documents_round_trip_through_coding_sheets(
    clean_db: Driver, settings: Settings, tmp_path: Path
) -> None:
    seed = parse_files(Layout(ONTOLOGY).data_files)
    layout = _empty_knowledge_base(tmp_path / "ontology", seed)
    exported = _smekg(
        settings, "export-sheet", "kb:doc-wright2007", "kb:doc-chesenik", "--out", str(tmp_path)
    )
    assert exported.returncode == 0, exported.stderr
    load(layout, clean_db, settings.neo4j_database)
    for document, text in TEXTS.items():
        imported = _smekg(
            settings,
            "import",
            str(tmp_path / f"{document}.xlsx"),
            "--text",
            str(settings.smekg_sources_dir / text),
            "--ontology",
            str(layout.root),
        )
        assert imported.returncode == 0, imported.stderr
    assert_isomorphic(seed, _without_provenance(export_graph(clean_db, settings.neo4j_database)))
    assert_isomorphic(seed, _without_provenance(parse_files(layout.data_files)))
