"""Thin Neo4j I/O for the loader: replace the knowledge base atomically, export it back."""

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction

from loaders.mapping import EdgeRecord, NodeRecord, PropertyGraph
from queries import query

BATCH_SIZE = 2000
T = TypeVar("T")


def _batches(items: Sequence[T], size: int = BATCH_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ensure_schema(driver: Driver, database: str) -> None:
    """Constraints and indexes (idempotent; schema changes cannot share the data transaction)."""
    with driver.session(database=database) as session:
        session.run(query("create_iri_constraint")).consume()
        session.run(query("create_search_index")).consume()


def _replace(tx: ManagedTransaction, graph: PropertyGraph, version: str, triples: int) -> None:
    tx.run(query("delete_knowledge_base")).consume()
    for nodes in _batches(graph.nodes):
        rows = [{"labels": list(n.labels), "props": n.props} for n in nodes]
        tx.run(query("create_nodes"), rows=rows).consume()
    for edges in _batches(graph.edges):
        tx.run(query("create_relationships"), rows=[asdict(e) for e in edges]).consume()
    tx.run(query("create_kb_version"), version=version, triples=triples).consume()


def replace_knowledge_base(
    driver: Driver, database: str, graph: PropertyGraph, version: str, triples: int
) -> None:
    """Swap the stored knowledge base for `graph` in one transaction: all or nothing."""
    ensure_schema(driver, database)
    with driver.session(database=database) as session:
        session.execute_write(_replace, graph, version, triples)


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
