"""The swap of a full load: the staged graph replaces the published one in batches, rolled
forward to the end by this writer or, after a crash, by the next one (docs/decisions/0032).

A full load can be larger than one Neo4j transaction may hold (at 1000x its 2.5 M label
changes need more than 3.5 GiB of transaction memory), so the swap is not one transaction.
Its atomicity for readers comes from the seqlock instead: `begin_swap` commits `seq` odd
together with the swap's marker — the record to publish and the step reached — and while
the marker is there every reader waits (`queries/get_kb_state.cypher`), however long it takes
and whether or not its writer is still alive. From that commit on the swap only goes forward:

1. retire: every published resource loses its labels and becomes `:_Retired` (batched);
2. publish: every staged node takes the labels it was staged with (batched);
3. the record and the history are written and the marker removed, in one transaction;
   `end_publish` then makes `seq` even.

Each step can run again after a crash without harm: retiring runs only before any staged
node is published (the step is recorded between them), and publishing picks up the nodes
still staged. What could fail for a reason a re-run would not fix (two nodes with one IRI) is
checked before `begin_swap`.
"""

from neo4j import Driver

from loaders.published import Published
from queries import query

RETIRE = "retire"
PUBLISH = "publish"


def begin_swap(driver: Driver, database: str, published: Published, seconds: float) -> None:
    """The point of no return: `seq` odd and the marker, in one transaction."""
    with driver.session(database=database) as session:
        session.run(
            query("begin_swap"), published=published.to_json(), step=RETIRE, seconds=seconds
        ).consume()


def finish_swap(driver: Driver, database: str, batch: int) -> str | None:
    """Run a begun swap (this writer's or a crashed one's) to its end; the version it
    published, or None when no swap had begun."""
    with driver.session(database=database) as session:
        record = session.run(query("get_swap")).single()
        if record is None or record["published"] is None:
            return None
        if record["step"] == RETIRE:
            session.run(query("retire_resources"), batch=batch).consume()
            session.run(query("set_swap_step"), step=PUBLISH).consume()
        session.run(query("publish_staged_resources"), batch=batch).consume()
        published = Published.from_json(record["published"])
        with session.begin_transaction() as tx:
            published.write(tx)
            tx.run(query("end_swap")).consume()
            tx.commit()
        session.run(query("end_publish")).consume()
    return published.version
