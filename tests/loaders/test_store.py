"""The store stages a write and publishes it inside the seqlock: a failure before the
publish leaves the old graph, a full load's swap that began is finished by the next writer,
and the lock lets one writer in at a time.

Fixtures: the bundled knowledge base is the "old" graph (`loaded_db`); the new graph is the
one-theme example `ontology/examples/valid/minimal-table.ttl`, mapped, with one deliberately
broken record appended where a test needs a failure.
"""

import logging
import threading
import time
from dataclasses import replace

import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from loaders.errors import LoadError
from loaders.mapping import EdgeRecord, NodeRecord, PropertyGraph, list_keys_of, to_property_graph
from loaders.pipeline import read_valid_graph
from loaders.published import Published
from loaders.store import GraphDelta, apply_delta, export, replace_knowledge_base
from loaders.swap import begin_swap
from loaders.writer import WriterBusyError, writer_session
from queries import query
from smekg.settings import Settings
from tests.conftest import EXAMPLES, make_layout
from tests.loaders.conftest import kb_record, private_nodes

NEW_IRI = "https://w3id.org/sme-intl-kg/kb/theme-timing"
KB = "https://w3id.org/sme-intl-kg/kb/"


@pytest.fixture
def new_graph(tmp_path_factory: pytest.TempPathFactory) -> PropertyGraph:
    layout = make_layout(tmp_path_factory.mktemp("new"), EXAMPLES / "valid" / "minimal-table.ttl")
    return to_property_graph(read_valid_graph(layout))


def _published(graph: PropertyGraph, version: str = "v2") -> Published:
    return Published(version, 2, 1, ["kb/x.ttl"], ["0" * 64], sorted(list_keys_of(graph)))


def _sorted(driver: Driver, settings: Settings) -> tuple[list[NodeRecord], list[object]]:
    nodes, edges = export(driver, settings.neo4j_database)
    return sorted(nodes, key=lambda n: n.iri), sorted(edges, key=repr)


def _replace(driver: Driver, settings: Settings, graph: PropertyGraph, batch: int = 5000) -> None:
    with writer_session(driver, settings.neo4j_database) as writer:
        writer.batch_size = batch
        replace_knowledge_base(writer, graph, _published(graph))


def test_a_load_replaces_everything_and_leaves_no_loader_nodes(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    before = kb_record(loaded_db, settings)
    _replace(loaded_db, settings, new_graph, batch=3)
    nodes, _ = _sorted(loaded_db, settings)
    assert sorted(n.iri for n in nodes) == sorted(n.iri for n in new_graph.nodes)
    assert private_nodes(loaded_db, settings) == 0
    after = kb_record(loaded_db, settings)
    assert after["version"] == "v2"
    assert after["files"] == ["kb/x.ttl"]
    assert after["seq"] == before["seq"] + 2  # odd while publishing, even again after
    assert after["writingUntil"] is None


def test_a_failure_while_staging_leaves_the_old_graph(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    before = _sorted(loaded_db, settings)
    iri = f"{NEW_IRI}-broken"
    broken = NodeRecord(iri, ("Resource",), {"iri": iri, "value": {"a": 1}})
    graph = PropertyGraph([*new_graph.nodes, broken], new_graph.edges)
    with pytest.raises(Neo4jError):  # a map is not a property value; earlier batches committed
        _replace(loaded_db, settings, graph, batch=1)
    assert _sorted(loaded_db, settings) == before
    assert private_nodes(loaded_db, settings) == 0
    assert kb_record(loaded_db, settings)["seq"] % 2 == 0


def test_two_resources_with_one_iri_are_refused_before_the_swap(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    before = _sorted(loaded_db, settings)
    seq = kb_record(loaded_db, settings)["seq"]
    twin = replace(new_graph.nodes[0], props={**new_graph.nodes[0].props, "twin": True})
    graph = PropertyGraph([*new_graph.nodes, twin], new_graph.edges)
    with pytest.raises(LoadError, match=f"mapped twice, e.g. <{twin.iri}>"):
        _replace(loaded_db, settings, graph)
    assert _sorted(loaded_db, settings) == before
    assert private_nodes(loaded_db, settings) == 0
    after = kb_record(loaded_db, settings)
    assert after["version"] != "v2"
    assert after["seq"] == seq


def _reader_state(driver: Driver, settings: Settings) -> dict[str, object]:
    with driver.session(database=settings.neo4j_database) as session:
        return session.run(query("get_kb_state")).single(strict=True).data()


def test_a_swap_that_began_holds_readers_off_and_the_next_writer_finishes_it(
    loaded_db: Driver,
    settings: Settings,
    new_graph: PropertyGraph,
    caplog: pytest.LogCaptureFixture,
) -> None:
    seq = kb_record(loaded_db, settings)["seq"]
    database = settings.neo4j_database
    with writer_session(loaded_db, database) as writer:  # a writer that dies mid-swap
        writer.stage(new_graph.nodes, new_graph.edges)
        begin_swap(loaded_db, database, _published(new_graph), seconds=0)
        with loaded_db.session(database=database) as session:
            session.run(query("retire_resources"), batch=2).consume()
            session.run(query("set_swap_step"), step="publish").consume()
            session.run(
                "MATCH (n:_Staging) WITH n LIMIT 2 SET n:$(n._labels) REMOVE n:_Staging, n._labels"
            ).consume()
    state = _reader_state(loaded_db, settings)
    assert state["seq"] == seq + 1
    assert state["writing"] is True  # its time is up, yet readers wait: the graph is a mix
    with pytest.raises(LoadError, match="being written"):
        export(loaded_db, database)
    with (
        caplog.at_level(logging.WARNING, logger="loaders.writer"),
        writer_session(loaded_db, database),
    ):
        pass
    assert "finished the swap of version v2, which a stopped write began" in caplog.text
    nodes, edges = _sorted(loaded_db, settings)
    expected = [replace(n, labels=tuple(sorted(n.labels))) for n in new_graph.nodes]
    assert nodes == sorted(expected, key=lambda n: n.iri)
    assert edges == sorted(new_graph.edges, key=repr)
    assert private_nodes(loaded_db, settings) == 0
    after = kb_record(loaded_db, settings)
    assert after["version"] == "v2"
    assert after["seq"] == seq + 2
    assert "swapPublished" not in after
    assert _reader_state(loaded_db, settings) == {"version": "v2", "seq": seq + 2, "writing": False}


def test_a_staged_graph_is_invisible_to_readers(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    before = _sorted(loaded_db, settings)
    with writer_session(loaded_db, settings.neo4j_database) as writer:
        writer.batch_size = 2
        writer.stage(new_graph.nodes, new_graph.edges)
        assert _sorted(loaded_db, settings) == before
        assert private_nodes(loaded_db, settings) == len(new_graph.nodes)


def test_a_new_writer_recovers_what_a_crashed_one_left(
    loaded_db: Driver, settings: Settings, new_graph: PropertyGraph
) -> None:
    with loaded_db.session(database=settings.neo4j_database) as session:  # a crash mid-publish
        session.run("MATCH (k:KnowledgeBase) SET k.seq = k.seq + 1").consume()
    with writer_session(loaded_db, settings.neo4j_database) as writer:
        writer.stage(new_graph.nodes, [])
    assert private_nodes(loaded_db, settings) == len(new_graph.nodes)  # a writer died here
    with writer_session(loaded_db, settings.neo4j_database):
        assert private_nodes(loaded_db, settings) == 0
        assert kb_record(loaded_db, settings)["seq"] % 2 == 0


def test_a_second_writer_waits_for_the_first(loaded_db: Driver, settings: Settings) -> None:
    entered = threading.Event()
    order: list[str] = []

    def second() -> None:
        entered.wait(10)
        with writer_session(loaded_db, settings.neo4j_database):
            order.append("second")

    thread = threading.Thread(target=second)
    thread.start()
    with writer_session(loaded_db, settings.neo4j_database):
        entered.set()
        time.sleep(1.0)
        order.append("first")
    thread.join(30)
    assert order == ["first", "second"]


def test_a_writer_that_will_not_wait_is_refused_with_the_holder_named(
    loaded_db: Driver, settings: Settings
) -> None:
    busy = pytest.raises(WriterBusyError, match=r"another write .* in progress: .*pid \d+")
    with (
        writer_session(loaded_db, settings.neo4j_database),
        busy,
        writer_session(loaded_db, settings.neo4j_database, wait=False),
    ):
        pass


def test_a_delta_creates_updates_deletes_and_relinks(loaded_db: Driver, settings: Settings) -> None:
    stage = f"{KB}persp-stage"
    new = f"{KB}persp-new"
    nodes, edges = export(loaded_db, settings.neo4j_database)
    old_stage = next(n for n in nodes if n.iri == stage)
    doomed = next(e for e in edges if e.source == stage and e.type == "representativeStudy")
    aliases = [*old_stage.props["skos_altLabel"], "stage model"]
    delta = GraphDelta(
        create=[NodeRecord(new, ("Perspective", "Resource"), {"iri": new, "order": 99})],
        update=[replace(old_stage, props={**old_stage.props, "skos_altLabel": aliases})],
        delete=[f"{KB}persp-resource-dependence"],
        add_edges=[EdgeRecord(new, "skos_broader", stage)],
        remove_edges=[doomed],
    )
    with writer_session(loaded_db, settings.neo4j_database) as writer:
        apply_delta(writer, delta, _published(PropertyGraph(), "v3"))
    after_nodes, after_edges = export(loaded_db, settings.neo4j_database)
    by_iri = {n.iri: n for n in after_nodes}
    assert by_iri[new].labels == ("Perspective", "Resource")
    assert "stage model" in by_iri[stage].props["skos_altLabel"]
    assert f"{KB}persp-resource-dependence" not in by_iri
    assert EdgeRecord(new, "skos_broader", stage) in after_edges
    assert doomed not in after_edges
    assert len(after_nodes) == len(nodes)  # one created, one deleted
    assert kb_record(loaded_db, settings)["version"] == "v3"
    assert private_nodes(loaded_db, settings) == 0
