"""Shared fixtures. Tests talk to a real Neo4j (``make test`` starts one); nothing is mocked.

Each database test starts from an empty database (`clean_db`). The parsed, validated
knowledge base is computed once per session because it is pure; writing it is per test.

The tests empty their database, so they refuse one that is not theirs: it must carry the
`TEST_MARKER` node, which they write only into the server ``scripts/with-neo4j.sh`` started
for them (``SMEKG_STARTED_NEO4J``) — never into a server named by an exported NEO4J_URI.
The drills (tests/drills) run last: they start and kill processes of their own.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from api.live_server import LiveServer
from loaders.manifest import read_manifest
from loaders.mapping import PropertyGraph, list_keys_of, to_property_graph
from loaders.pipeline import read_valid_graph
from loaders.published import Published
from loaders.sources import Layout
from loaders.store import replace_knowledge_base
from loaders.writer import writer_session
from smekg.database import open_driver
from smekg.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
EXAMPLES = ONTOLOGY / "examples"


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The environment's settings; the API re-reads the KB version on every request, because
    tests load different knowledge bases back to back (test_caching.py covers the TTL)."""
    return get_settings().model_copy(update={"smekg_version_ttl": 0.0})


TEST_MARKER = "_SmekgTestDatabase"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.nodeid.startswith("tests/drills/"))


def ensure_test_database(driver: Driver, settings: Settings) -> None:
    """Claim the server started for the tests, or stop the run before anything is emptied."""
    with driver.session(database=settings.neo4j_database) as session:
        marked = session.run(f"MATCH (m:{TEST_MARKER}) RETURN count(m) > 0 AS marked").single()
        if marked is not None and marked["marked"]:
            return
        if os.environ.get("SMEKG_STARTED_NEO4J") == settings.neo4j_uri:
            session.run(f"CREATE (:{TEST_MARKER} {{claimedAt: datetime()}})").consume()
            return
    pytest.exit(
        f"refusing to test against {settings.neo4j_uri}: the tests empty their database and "
        f"this one is not marked as theirs. Unset NEO4J_URI (make test starts its own), or, "
        f"for a database you give to the tests, run CREATE (:{TEST_MARKER}) in it first.",
        returncode=2,
    )


@pytest.fixture(scope="session")
def driver(settings: Settings) -> Iterator[Driver]:
    """A driver to the test Neo4j; fails (never skips) when it is unreachable, and stops the
    run when the database is not the tests' own (`ensure_test_database`)."""
    d = open_driver(settings)
    ensure_test_database(d, settings)
    yield d
    d.close()


@pytest.fixture
def clean_db(driver: Driver, settings: Settings) -> Driver:
    """The database emptied of everything but its test marker, for one test."""
    with driver.session(database=settings.neo4j_database) as session:
        session.run(f"MATCH (n) WHERE NOT n:{TEST_MARKER} DETACH DELETE n").consume()
    return driver


@pytest.fixture(scope="session")
def kb_graph() -> PropertyGraph:
    return to_property_graph(read_valid_graph(Layout(ONTOLOGY)))


def publish(driver: Driver, settings: Settings, graph: PropertyGraph, version: str) -> None:
    """Write `graph` as the published knowledge base (the loader's write, without files)."""
    with writer_session(driver, settings.neo4j_database) as writer:
        replace_knowledge_base(
            writer,
            graph,
            Published(version, 1, 0, [], [], sorted(list_keys_of(graph))),
        )


@pytest.fixture
def loaded_db(clean_db: Driver, settings: Settings, kb_graph: PropertyGraph) -> Driver:
    """A clean database holding the bundled knowledge base."""
    publish(clean_db, settings, kb_graph, read_manifest(Layout(ONTOLOGY)).content_id)
    return clean_db


def make_layout(tmp_path: Path, *kb_files: Path) -> Layout:
    """An ontology folder with the real ontology, shapes and checks and the given KB files."""
    (tmp_path / "kb").mkdir()
    shutil.copy(ONTOLOGY / "sme.ttl", tmp_path / "sme.ttl")
    shutil.copytree(ONTOLOGY / "shapes", tmp_path / "shapes")
    shutil.copytree(ONTOLOGY / "checks", tmp_path / "checks")
    for path in kb_files:
        shutil.copy(path, tmp_path / "kb" / path.name)
    return Layout(tmp_path)


@pytest.fixture(scope="session")
def api_url(settings: Settings) -> Iterator[str]:
    with LiveServer(settings) as server:
        yield server.url


@pytest.fixture
def client(api_url: str) -> Iterator[httpx.Client]:
    # A guard against a hang, not a timing: a loaded machine answers a cold query slowly.
    with httpx.Client(base_url=api_url, timeout=120) as c:
        yield c


def graphql(client: httpx.Client, query: str, **variables: object) -> dict[str, object]:
    """POST a GraphQL request; returns the whole JSON body (data and errors)."""
    response = client.post("/graphql", json={"query": query, "variables": variables})
    body: dict[str, object] = response.json()
    return body
