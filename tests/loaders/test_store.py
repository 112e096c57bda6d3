"""The store stages a load and swaps it in: a failure at any step leaves the old graph.

Fixtures: the bundled knowledge base is the "old" graph (`loaded_db`); the new graph is
the one-theme example `ontology/examples/valid/minimal-table.ttl`, mapped, with one
deliberately broken record appended where a test needs a failure.
"""

from dataclasses import replace

import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from loaders import store
from loaders.mapping import NodeRecord, PropertyGraph, to_property_graph
from loaders.pipeline import read_valid_graph
from loaders.store import export, replace_knowledge_base
from smekg.settings import Settings
from tests.conftest import EXAMPLES, make_layout
from tests.loaders.conftest import private_nodes

NEW_IRI = "https://w3id.org/sme-intl-kg/kb/theme-timing"


@pytest.fixture
def new_graph(tmp_path_factory: pytest.TempPathFactory) -> PropertyGraph:
    layout = make_layout(tmp_path_factory.mktemp("new"), EXAMPLES / "valid" / "minimal-table.ttl")
    return to_property_graph(read_valid_graph(layout))


def _sorted(driver: Driver, settings: Settings) -> tuple[list[NodeRecord], list[object]]:
    nodes, edges = export(driver, settings.neo4j_database)
    return sorted(nodes, key=lambda n: n.iri), sorted(edges, key=repr)


def test_a_load_replaces_everything_and_leaves_no_loader_nodes(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    replace_knowledge_base(loaded_db, settings.neo4j_database, new_graph, "v2", 1, batch_size=3)
    nodes, _ = _sorted(loaded_db, settings)
    assert sorted(n.iri for n in nodes) == sorted(n.iri for n in new_graph.nodes)
    assert private_nodes(loaded_db, settings) == 0


def test_a_failure_while_staging_leaves_the_old_graph(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    before = _sorted(loaded_db, settings)
    iri = f"{NEW_IRI}-broken"
    broken = NodeRecord(iri, ("Resource",), {"iri": iri, "value": {"a": 1}})
    graph = PropertyGraph([*new_graph.nodes, broken], new_graph.edges)
    with pytest.raises(Neo4jError):  # a map is not a property value; earlier batches committed
        replace_knowledge_base(loaded_db, settings.neo4j_database, graph, "v2", 1, batch_size=1)
    assert _sorted(loaded_db, settings) == before
    assert private_nodes(loaded_db, settings) == 0


def test_a_failure_in_the_swap_leaves_the_old_graph(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    before = _sorted(loaded_db, settings)
    twin = replace(new_graph.nodes[0], props={**new_graph.nodes[0].props, "twin": True})
    graph = PropertyGraph([*new_graph.nodes, twin], new_graph.edges)
    with pytest.raises(Neo4jError):  # two resources with one IRI break the unique constraint
        replace_knowledge_base(loaded_db, settings.neo4j_database, graph, "v2", 1)
    assert _sorted(loaded_db, settings) == before
    assert private_nodes(loaded_db, settings) == 0


def test_a_staged_graph_is_invisible_to_readers(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    before = _sorted(loaded_db, settings)
    store._stage(loaded_db, settings.neo4j_database, new_graph, batch_size=2)
    assert _sorted(loaded_db, settings) == before
    assert private_nodes(loaded_db, settings) == len(new_graph.nodes)
