"""Thin Neo4j I/O for the loader: publish a whole knowledge base or one change, export it.

Both kinds of write stage new nodes where no reader reaches them and publish them inside the
writer's seqlock (loaders/writer.py, docs/decisions/0008, 0011 and 0032): readers see the old
knowledge base or the new one, never a mix. One change publishes in one transaction, so a
failure leaves the old knowledge base; a full load swaps in batches that only go forward once
begun (loaders/swap.py), so a failure before the swap begins leaves the old one, and a swap
that began is finished by this writer or the next.
"""

import itertools
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from neo4j import Driver, Transaction

from loaders.errors import LoadError
from loaders.mapping import EdgeRecord, NodeRecord, PropertyGraph
from loaders.published import Published
from loaders.swap import begin_swap, finish_swap
from loaders.writer import WriterSession, batches, publish_deadline, run_batches
from queries import query
from smekg.kb_state import state_of

EXPORT_ATTEMPTS = 3


@dataclass(frozen=True)
class WriteTimings:
    """Seconds per step of one load's write (the benchmark's loader profile)."""

    prepare_s: float  # leftovers of an interrupted write removed (under the writer lock)
    stage_s: float  # nodes and relationships under :_Staging, in many transactions
    swap_s: float  # what readers wait for: retire old, publish new, record (decision 0032)
    cleanup_s: float  # deleting the retired knowledge base, refreshing query plans


def replace_knowledge_base(
    writer: WriterSession, graph: PropertyGraph, published: Published
) -> WriteTimings:
    """Stage `graph`, then swap it in place of the stored knowledge base."""
    twins = [iri for iri, copies in Counter(n.iri for n in graph.nodes).items() if copies > 1]
    if twins:
        raise LoadError(f"{len(twins)} resources are mapped twice, e.g. <{twins[0]}>")
    marks = [time.perf_counter()]
    writer.discard_leftovers()
    marks.append(time.perf_counter())
    try:
        writer.stage(graph.nodes, graph.edges)
        marks.append(time.perf_counter())
        begin_swap(writer.driver, writer.database, published, publish_deadline(len(graph.nodes)))
        finish_swap(writer.driver, writer.database, writer.batch_size)
        marks.append(time.perf_counter())
    finally:
        writer.discard_leftovers()
    writer.refresh_plans()
    marks.append(time.perf_counter())
    return WriteTimings(*(b - a for a, b in itertools.pairwise(marks)))


@dataclass(frozen=True)
class GraphDelta:
    """One change of the published graph, as whole node records and relationships."""

    create: list[NodeRecord] = field(default_factory=list)  # nodes that do not exist yet
    update: list[NodeRecord] = field(default_factory=list)  # existing nodes, whole new record
    delete: list[str] = field(default_factory=list)  # IRIs of nodes to remove
    add_edges: list[EdgeRecord] = field(default_factory=list)
    remove_edges: list[EdgeRecord] = field(default_factory=list)

    @property
    def size(self) -> int:
        parts: tuple[list[Any], ...] = (
            self.create,
            self.update,
            self.delete,
            self.add_edges,
            self.remove_edges,
        )
        return sum(len(part) for part in parts)


def apply_delta(writer: WriterSession, delta: GraphDelta, published: Published) -> None:
    """Stage the new nodes, then publish the whole change in one transaction."""
    created = {n.iri for n in delta.create}
    staged = [e.source in created and e.target in created for e in delta.add_edges]
    staged_edges = list(itertools.compress(delta.add_edges, staged))
    other_edges = [asdict(e) for e, s in zip(delta.add_edges, staged, strict=True) if not s]
    try:
        writer.stage(delta.create, staged_edges)

        def swap(tx: Transaction) -> None:
            size = writer.batch_size
            for iris in batches(delta.delete, size):
                tx.run(query("delete_resources"), iris=list(iris)).consume()
            removed = [asdict(e) for e in delta.remove_edges]
            run_batches(tx, "delete_relationships", removed, size)
            updated = [
                {"iri": n.iri, "labels": list(n.labels), "props": n.props} for n in delta.update
            ]
            run_batches(tx, "update_resources", updated, size)
            created_rows = [{"iri": n.iri} for n in delta.create]
            run_batches(tx, "publish_staged_nodes", created_rows, size)
            run_batches(tx, "create_relationships", other_edges, size)
            published.write(tx)

        writer.publish(delta.size, swap)
    finally:
        writer.discard_leftovers()


def export(driver: Driver, database: str) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """Read back every resource node and relationship, all from one state of the knowledge
    base (the readers' seqlock, decision 0011): refused while a write publishes, read again
    when one committed meanwhile."""
    for _ in range(EXPORT_ATTEMPTS):
        with driver.session(database=database, default_access_mode="READ") as session:
            before = state_of(session.run(query("get_kb_state")).single(strict=True).data())
            if not before.stable:
                raise LoadError(
                    "the knowledge base is being written (a load or import is publishing, or "
                    "a swap a stopped load began waits for the next write to finish it): "
                    "export it when that is done"
                )
            nodes = [
                NodeRecord(r["iri"], tuple(sorted(r["labels"])), dict(r["props"]))
                for r in session.run(query("export_nodes"))
            ]
            edges = [
                EdgeRecord(r["source"], r["type"], r["target"])
                for r in session.run(query("export_relationships"))
            ]
            after = state_of(session.run(query("get_kb_state")).single(strict=True).data())
        if after.same_snapshot(before):
            return nodes, edges
    raise LoadError(f"the knowledge base changed during each of {EXPORT_ATTEMPTS} export attempts")


def counts(driver: Driver, database: str) -> dict[str, Any]:
    """Node and relationship counts of the whole database."""
    with driver.session(database=database, default_access_mode="READ") as session:
        record = session.run(query("count_graph")).single(strict=True)
    return {"nodes": record["nodes"], "relationships": record["relationships"]}
