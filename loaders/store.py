"""Thin Neo4j I/O for the loader: replace the knowledge base atomically, export it back.

A load stages the new graph in many small transactions under a private label that no
reader's query matches, then swaps it in with one short transaction, so readers see the
old knowledge base or the new one, never a mix, and transaction memory grows with a batch,
not with the knowledge base (docs/decisions/0008). A failure before the swap commits
discards what was staged and leaves the previous knowledge base as it was.
"""

import itertools
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError

from loaders.mapping import EdgeRecord, NodeRecord, PropertyGraph
from queries import query

BATCH_SIZE = 5000  # rows per UNWIND statement
STATEMENTS_PER_TRANSACTION = 4  # so one staging transaction holds 20,000 rows
DELETE_BATCH = 10_000
INDEX_WAIT_SECONDS = 300
log = logging.getLogger(__name__)
T = TypeVar("T")


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ensure_schema(driver: Driver, database: str) -> None:
    """Constraints and indexes (idempotent; schema changes cannot share a data transaction)."""
    with driver.session(database=database) as session:
        for name in ("create_iri_constraint", "create_search_index", "create_staging_index"):
            session.run(query(name)).consume()
        session.run(query("await_indexes"), seconds=INDEX_WAIT_SECONDS).consume()


def _discard_leftovers(driver: Driver, database: str) -> None:
    """Remove what an interrupted load left: staged nodes and a retired knowledge base."""
    with driver.session(database=database) as session:
        session.run(query("delete_staged_nodes"), batch=DELETE_BATCH).consume()
        session.run(query("delete_retired_nodes"), batch=DELETE_BATCH).consume()


def _run_batches(tx: ManagedTransaction, name: str, batches: Sequence[list[Any]]) -> None:
    for rows in batches:
        tx.run(query(name), rows=rows).consume()


def _stage(driver: Driver, database: str, graph: PropertyGraph, batch_size: int) -> None:
    node_rows = [[{"props": n.props} for n in nodes] for nodes in _batches(graph.nodes, batch_size)]
    edge_rows = [[asdict(e) for e in edges] for edges in _batches(graph.edges, batch_size)]
    with driver.session(database=database) as session:
        for name, batches in (
            ("create_staged_nodes", node_rows),
            ("create_staged_relationships", edge_rows),
        ):
            for group in _batches(batches, STATEMENTS_PER_TRANSACTION):
                session.execute_write(_run_batches, name, group)


def _swap(
    tx: ManagedTransaction, graph: PropertyGraph, version: str, triples: int, batch_size: int
) -> None:
    tx.run(query("retire_knowledge_base")).consume()
    for nodes in _batches(graph.nodes, batch_size):
        rows = [{"iri": n.iri, "labels": list(n.labels)} for n in nodes]
        tx.run(query("publish_staged_nodes"), rows=rows).consume()
    tx.run(query("create_kb_version"), version=version, triples=triples).consume()


@dataclass(frozen=True)
class WriteTimings:
    """Seconds per step of one load's write (the benchmark's loader profile)."""

    prepare_s: float  # schema, indexes online, leftovers of an interrupted load removed
    stage_s: float  # nodes and relationships under :_Staging, in many transactions
    swap_s: float  # the one transaction readers see: retire old, publish new, version
    cleanup_s: float  # deleting the retired knowledge base


def replace_knowledge_base(
    driver: Driver,
    database: str,
    graph: PropertyGraph,
    version: str,
    triples: int,
    batch_size: int = BATCH_SIZE,
) -> WriteTimings:
    """Stage `graph`, then swap it for the stored knowledge base in one transaction."""
    marks = [time.perf_counter()]
    ensure_schema(driver, database)
    _discard_leftovers(driver, database)
    marks.append(time.perf_counter())
    try:
        _stage(driver, database, graph, batch_size)
        marks.append(time.perf_counter())
        with driver.session(database=database) as session:
            session.execute_write(_swap, graph, version, triples, batch_size)
        marks.append(time.perf_counter())
    except BaseException:
        try:
            _discard_leftovers(driver, database)
        except (DriverError, Neo4jError, OSError) as cleanup:  # the next load retries it
            log.warning("could not discard the staged graph yet: %s", cleanup)
        raise
    _discard_leftovers(driver, database)
    marks.append(time.perf_counter())
    return WriteTimings(*(b - a for a, b in itertools.pairwise(marks)))


def export(driver: Driver, database: str) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """Read back every resource node and relationship."""
    with driver.session(database=database, default_access_mode="READ") as session:
        nodes = [
            NodeRecord(r["iri"], tuple(sorted(r["labels"])), dict(r["props"]))
            for r in session.run(query("export_nodes"))
        ]
        edges = [
            EdgeRecord(r["source"], r["type"], r["target"])
            for r in session.run(query("export_relationships"))
        ]
    return nodes, edges


def counts(driver: Driver, database: str) -> dict[str, Any]:
    """Node and relationship counts of the whole database."""
    with driver.session(database=database, default_access_mode="READ") as session:
        record = session.run(query("count_graph")).single(strict=True)
    return {"nodes": record["nodes"], "relationships": record["relationships"]}
