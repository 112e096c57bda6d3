"""Loading into a real Neo4j: idempotent, reversible, and all-or-nothing."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import Driver

from loaders.errors import LoadError
from loaders.pipeline import export_graph, load, read_valid_graph
from loaders.sources import Layout
from loaders.store import counts
from smekg.settings import Settings
from tests.conftest import EXAMPLES, ONTOLOGY, ROOT, make_layout
from tests.rdf_compare import assert_isomorphic

INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))


def test_loading_twice_gives_the_same_graph(clean_db: Driver, settings: Settings) -> None:
    """A forced second load of the same files stores the same graph (compared as RDF, read
    back from Neo4j) and leaves nothing behind (the database's own counts)."""
    layout = Layout(ONTOLOGY)
    load(layout, clean_db, settings.neo4j_database)
    first = export_graph(clean_db, settings.neo4j_database)
    after_first = counts(clean_db, settings.neo4j_database)
    again = load(layout, clean_db, settings.neo4j_database, force=True)
    assert not again.skipped
    assert_isomorphic(first, export_graph(clean_db, settings.neo4j_database))
    assert counts(clean_db, settings.neo4j_database) == after_first
    assert len(first) > 10_000


def test_an_unchanged_knowledge_base_is_not_loaded_again(
    clean_db: Driver, settings: Settings
) -> None:
    layout = Layout(ONTOLOGY)
    first = load(layout, clean_db, settings.neo4j_database)
    second = load(layout, clean_db, settings.neo4j_database)
    assert second.skipped
    assert not first.skipped
    assert (second.version, second.number) == (first.version, first.number)


def test_export_is_isomorphic_to_what_was_loaded(clean_db: Driver, settings: Settings) -> None:
    layout = Layout(ONTOLOGY)
    load(layout, clean_db, settings.neo4j_database)
    assert_isomorphic(read_valid_graph(layout), export_graph(clean_db, settings.neo4j_database))


@pytest.mark.parametrize("example", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_example_is_rejected_and_the_graph_is_unchanged(
    loaded_db: Driver, settings: Settings, tmp_path: Path, example: Path
) -> None:
    before = export_graph(loaded_db, settings.neo4j_database)
    layout = make_layout(tmp_path, example)
    with pytest.raises(LoadError) as error:
        load(layout, loaded_db, settings.neo4j_database)
    assert str(error.value)
    assert_isomorphic(before, export_graph(loaded_db, settings.neo4j_database))


def test_cli_names_file_and_line_and_exits_non_zero(tmp_path: Path) -> None:
    layout = make_layout(tmp_path, EXAMPLES / "invalid" / "syntax-error.ttl")
    result = subprocess.run(
        [sys.executable, "-m", "commands", "load", "--ontology", str(layout.root)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert "syntax-error.ttl:4: Turtle syntax error" in result.stderr


def test_cli_reports_an_unreachable_database(tmp_path: Path) -> None:
    env = {"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x", "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "commands", "load"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env=env,
    )
    assert result.returncode == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in result.stderr


LOOKUP = "MATCH (p:Resource {iri: $iri}) WHERE p:Prediction RETURN p.iri AS iri"


def _cached_plans(driver: Driver, settings: Settings) -> int:
    """How many plans Neo4j held: it drops them all and says how many ("Query caches
    successfully cleared of 28 queries.", or "Query cache already empty.")."""
    with driver.session(database=settings.neo4j_database) as session:
        message = str(session.run("CALL db.clearQueryCaches()").single(strict=True)[0])
    found = re.search(r"cleared of (\d+) quer", message)
    return int(found.group(1)) if found else 0


def test_a_load_ends_with_no_plan_made_before_it(clean_db: Driver, settings: Settings) -> None:
    """A plan cached while the graph was empty or half staged can scan every resource where the
    index would seek one, and Neo4j kept such plans after a load (measured: decision 0033); a
    load ends with the index samples refreshed and the plan cache empty."""
    with clean_db.session(database=settings.neo4j_database) as session:
        session.run(LOOKUP, iri="x").consume()
    assert _cached_plans(clean_db, settings) >= 1  # the lookup was cached (and is dropped)
    with clean_db.session(database=settings.neo4j_database) as session:
        session.run(LOOKUP, iri="x").consume()  # planned on the empty graph
    load(Layout(ONTOLOGY), clean_db, settings.neo4j_database)
    assert _cached_plans(clean_db, settings) == 0
