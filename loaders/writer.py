"""The one writer of the knowledge base: a lock across processes, crash recovery, invisible
staging, and the seqlock that readers check (docs/decisions/0011).

Every write — a full load or one contribution — goes through `WriterSession`:

1. `writer_session` takes the writer lock: an open transaction holding the write lock of the
   `_WriterLock` node. A second writer waits for it (or is refused with `wait=False`), and a
   writer that dies releases the lock with its connection.
2. It recovers what a crashed writer left: it finishes a full load's swap that began
   (loaders/swap.py), removes staged and retired nodes, and makes an odd `seq` even.
3. `stage` writes new nodes under `:_Staging` only, with relationships among them: no
   published node reaches them and no reader's query matches them.
4. `publish` runs one transaction between two seqlock steps: `seq` becomes odd (committed),
   the caller's changes commit, `seq` becomes even. A reader pins `seq` before its first read
   and re-runs its request if `seq` changed after its last, so it never returns a mix, even
   though Neo4j lets a reader see a commit half-applied. A full load swaps in batches inside
   the same seqlock instead (loaders/swap.py).
"""

import logging
import os
import socket
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction, Session, Transaction
from neo4j.exceptions import ClientError, DriverError, Neo4jError

from loaders.errors import LoadError
from loaders.mapping import EdgeRecord, NodeRecord
from loaders.swap import finish_swap
from queries import query

BATCH_SIZE = 5000  # rows per UNWIND statement
STATEMENTS_PER_TRANSACTION = 4  # so one staging transaction holds 20,000 rows
DELETE_BATCH = 10_000
INDEX_WAIT_SECONDS = 300
REPLAN_WAIT_SECONDS = 300
PUBLISH_BASE_SECONDS = 60.0  # how long a publish may take, plus a second per 2,000 rows
log = logging.getLogger(__name__)
T = TypeVar("T")


class WriterBusyError(LoadError):
    """Another process is writing the knowledge base and the caller chose not to wait."""


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run_batches(
    tx: ManagedTransaction | Transaction, name: str, rows: Sequence[Any], size: int = BATCH_SIZE
) -> None:
    """Run the named UNWIND query over `rows` in batches of `size`, in one transaction."""
    for part in batches(rows, size):
        tx.run(query(name), rows=list(part)).consume()


def publish_deadline(rows: int) -> float:
    """Seconds a publish of `rows` changes may take: the time readers trust it to commit in."""
    return PUBLISH_BASE_SECONDS + rows / 2000


def delete_in_batches(session: Session, name: str) -> None:
    """Run the named `… LIMIT $batch … RETURN count(*) AS deleted` query until it deletes
    nothing: one transaction per batch, so memory stays bounded however much there is."""
    while session.run(query(name), batch=DELETE_BATCH).single(strict=True)["deleted"]:
        continue


def ensure_schema(driver: Driver, database: str) -> None:
    """Constraints, indexes and the lock node (idempotent; schema changes need their own
    transactions)."""
    with driver.session(database=database) as session:
        for name in (
            "create_iri_constraint",
            "create_search_index",
            "create_staging_index",
            "create_writer_lock_constraint",
            "create_work_year_index",
            "create_work_doi_index",
        ):
            session.run(query(name)).consume()
        session.run(query("await_indexes"), seconds=INDEX_WAIT_SECONDS).consume()
        session.run(query("merge_writer_lock")).consume()


def _holder() -> str:
    return f"{socket.gethostname()} pid {os.getpid()}"


def running_writers(driver: Driver, database: str) -> list[str]:
    """Who holds or waits for the writer lock, as 'holder since time' lines."""
    with driver.session(database=database) as session:
        rows = session.run(query("get_writers")).data()
    return [f"{row['holder']} (since {row['since']})" for row in rows]


class WriterSession:
    """What a writer may do while it holds the lock."""

    def __init__(self, driver: Driver, database: str) -> None:
        self.driver = driver
        self.database = database
        self.batch_size = BATCH_SIZE  # rows per UNWIND statement (tests make it small)

    def state(self) -> dict[str, Any] | None:
        """The published knowledge base's record: version, number, files, list keys."""
        with self.driver.session(database=self.database) as session:
            rows = session.run(query("get_kb_record")).data()
        return rows[0] if rows else None

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """A named read query, for the writer's own look at the published graph."""
        with self.driver.session(database=self.database) as session:
            return session.run(query(name), params).data()

    def discard_leftovers(self) -> None:
        """Finish a swap that began, then remove staged nodes of an unfinished write and nodes
        retired by a finished one."""
        finished = finish_swap(self.driver, self.database, DELETE_BATCH)
        if finished is not None:
            log.warning("finished the swap of version %s, which a stopped write began", finished)
            self.refresh_plans()
        with self.driver.session(database=self.database) as session:
            for name in (
                "delete_staged_relationships",
                "delete_staged_nodes",
                "delete_retired_relationships",
                "delete_retired_nodes",
            ):
                delete_in_batches(session, name)

    def refresh_plans(self) -> None:
        """Have Neo4j plan the next queries on the statistics of the graph just published: a
        plan cached while the graph was empty or half staged scans where an index would seek,
        and Neo4j kept such plans after the load (decision 0033). Needs an admin user; without
        one the load stands and this is only warned about."""
        with self.driver.session(database=self.database) as session:
            try:
                session.run(query("prepare_for_replanning"), seconds=REPLAN_WAIT_SECONDS).consume()
                session.run(query("clear_query_caches")).consume()
            except ClientError as exc:
                log.warning("query plans not refreshed after the load: %s", exc.message)

    def stage(self, nodes: Sequence[NodeRecord], edges: Sequence[EdgeRecord]) -> None:
        """Create `nodes` under `:_Staging` and `edges` between them, in many transactions."""
        node_rows = [{"props": n.props, "labels": list(n.labels)} for n in nodes]
        edge_rows = [asdict(e) for e in edges]
        per_tx = self.batch_size * STATEMENTS_PER_TRANSACTION
        with self.driver.session(database=self.database) as session:
            for name, rows in (
                ("create_staged_nodes", node_rows),
                ("create_staged_relationships", edge_rows),
            ):
                for part in batches(rows, per_tx):
                    session.execute_write(run_batches, name, part, self.batch_size)

    def publish(self, rows: int, work: Callable[[Transaction], None]) -> None:
        """Run `work` in one transaction inside the seqlock; `rows` sizes its deadline."""
        seconds = publish_deadline(rows)
        with self.driver.session(database=self.database) as session:
            session.run(query("begin_publish"), seconds=seconds).consume()
            try:
                with session.begin_transaction(timeout=seconds * 0.8) as tx:
                    work(tx)
                    tx.commit()
            finally:
                session.run(query("end_publish")).consume()


@contextmanager
def writer_session(driver: Driver, database: str, wait: bool = True) -> Iterator[WriterSession]:
    """Hold the writer lock for the block; recover what a crashed writer left first."""
    ensure_schema(driver, database)
    others = running_writers(driver, database)
    if others and not wait:
        raise WriterBusyError(
            f"another write of the knowledge base is in progress: {'; '.join(others)} "
            "(wait for it to finish, or run without --no-wait to queue behind it)"
        )
    if others:
        log.info("waiting for another write to finish: %s", "; ".join(others))
    with driver.session(database=database) as lock_session:
        lock = lock_session.begin_transaction(metadata={"smekg": "writer", "holder": _holder()})
        try:
            lock.run(query("acquire_writer_lock"), holder=_holder()).consume()
            session = WriterSession(driver, database)
            session.discard_leftovers()
            with driver.session(database=database) as s:
                s.run(query("end_publish")).consume()  # an odd seq left by a crash
            yield session
        finally:
            try:
                lock.rollback()
            except (DriverError, Neo4jError) as exc:  # the lock ends with the connection anyway
                log.warning("could not release the writer lock cleanly: %s", exc)
