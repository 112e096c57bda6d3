"""Load benchmark: our loader's Neo4j write step against rdflib-neo4j, same Turtle, same Neo4j.

Per scale k (bench.generate): parse, validate (SHACL + checks, timed separately), map to a
property graph, then time

- **ours**: ``loaders.store.replace_knowledge_base`` with the mapped graph (staged in
  transactions of 20,000 rows, swapped in by one; docs/decisions/0008), on an emptied
  database;
- **peer**: rdflib-neo4j's ``Neo4jStore`` fed the same parsed triples (grouped by subject,
  as its streaming design expects; batches of 5000, one auto-commit transaction each),
  on an emptied database.

Parsing is excluded from both and reported on its own. The peer turns parsed triples into
writes itself, so the like-for-like ratio compares it with our map + write; the write-only
ratio is reported beside it. Peak memory is the bench process's peak resident set size
after our load of that scale (``ru_maxrss``: monotone over the run, and scales run in
increasing order, so it is the peak of parse + map + write at that scale or a smaller one).
The database is emptied before every run (and the peer's ``n10s_unique_uri`` constraint
dropped after it).
"""

import contextlib
import importlib
import importlib.util
import io
import logging
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver
from neo4j.exceptions import Neo4jError
from rdflib import Graph

from bench.admin_import import run_import
from bench.generate import generate
from loaders.manifest import read_manifest
from loaders.mapping import list_keys_of, to_property_graph
from loaders.sources import parse_files
from loaders.store import Published, replace_knowledge_base
from loaders.validate import ensure_valid
from loaders.writer import writer_session

log = logging.getLogger(__name__)

PEER_PACKAGE = "rdflib-neo4j"
PEER_VERSION = "1.1"
PEER_MISSING = (
    f"{PEER_PACKAGE} is not installed: the peer load is skipped. Install it with "
    f"`.venv/bin/pip install '{PEER_PACKAGE}=={PEER_VERSION}'` (or add "
    f"'{PEER_PACKAGE}=={PEER_VERSION}' to the dev extras in pyproject.toml)."
)


@dataclass
class ScaleResult:
    scale: int
    triples: int
    nodes: int
    relationships: int
    runs: int
    generate_s: float
    parse_s: float
    validate_s: float | None
    map_s: float
    ours_s: list[float] = field(default_factory=list)
    peer_s: list[float] = field(default_factory=list)
    peer_error: str | None = None
    ours_error: str | None = None
    ours_steps: list[dict[str, float]] = field(default_factory=list)  # per run, by step
    peak_rss_mib: float | None = None
    stored_nodes_ours: int = 0
    stored_nodes_peer: int = 0
    admin_wall_s: float | None = None
    admin_tool_s: float | None = None
    admin_export_s: float | None = None
    admin_error: str | None = None
    admin_imported: tuple[int | None, int | None] | None = None  # nodes, relationships

    @property
    def ours_median(self) -> float | None:
        return statistics.median(self.ours_s) if self.ours_s else None

    @property
    def peer_median(self) -> float | None:
        return statistics.median(self.peer_s) if self.peer_s else None

    def summary(self) -> dict[str, Any]:
        out = asdict(self)
        ours, peer, admin = self.ours_median, self.peer_median, self.admin_wall_s
        mapped = ours + self.map_s if ours else None
        out["ours_median_s"] = ours
        out["ours_map_write_s"] = mapped
        out["ours_triples_per_s"] = self.triples / ours if ours else None
        out["ours_map_write_triples_per_s"] = self.triples / mapped if mapped else None
        out["peer_median_s"] = peer
        out["peer_triples_per_s"] = self.triples / peer if peer else None
        # > 1 means ours is faster (ratio of throughputs, i.e. peer time / our time).
        out["ratio_ours_over_peer_throughput"] = peer / mapped if peer and mapped else None
        out["ratio_write_only_over_peer"] = peer / ours if peer and ours else None
        out["admin_triples_per_s"] = self.triples / admin if admin else None
        # < 1 means the offline import (JVM start included) is faster than our online write.
        out["ratio_ours_over_admin_throughput"] = admin / ours if admin and ours else None
        return out


def clear_database(driver: Driver, database: str) -> None:
    """Empty the database in batches (one huge transaction would need heap for all of it)."""
    with driver.session(database=database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
        session.run("DROP CONSTRAINT n10s_unique_uri IF EXISTS").consume()


def count_nodes(driver: Driver, database: str) -> int:
    with driver.session(database=database, default_access_mode="READ") as session:
        record = session.run("MATCH (n) RETURN count(n) AS n").single(strict=True)
    return int(record["n"])


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def peer_available() -> bool:
    return importlib.util.find_spec("rdflib_neo4j") is not None


def peer_load(driver: Driver, triples: list[Any]) -> None:
    """Stream triples into rdflib-neo4j's store (its prints go to a discarded buffer)."""
    peer = importlib.import_module("rdflib_neo4j")  # untyped, optional: imported by name
    config = peer.Neo4jStoreConfig(
        auth_data=None,
        handle_vocab_uri_strategy=peer.HANDLE_VOCAB_URI_STRATEGY.IGNORE,
        batching=True,
    )
    with contextlib.redirect_stdout(io.StringIO()):
        graph = Graph(store=peer.Neo4jStore(config=config, neo4j_driver=driver))
        graph.open("", create=True)
        for triple in triples:
            graph.add(triple)
        graph.close(True)


def bench_scale(
    driver: Driver,
    database: str,
    scale: int,
    runs: int,
    validate: bool = True,
    peer: bool = True,
    seed: int = 1,
    admin: bool = False,
) -> ScaleResult:
    with tempfile.TemporaryDirectory(prefix=f"smekg-bench-{scale}x-") as tmp:
        start = time.perf_counter()
        generated = generate(Path(tmp) / "ontology", scale, seed)
        generate_s = time.perf_counter() - start
        layout = generated.layout
        start = time.perf_counter()
        graph = parse_files(layout.data_files)
        parse_s = time.perf_counter() - start
        validate_s = _timed(lambda: ensure_valid(graph, layout)) if validate else None
        start = time.perf_counter()
        property_graph = to_property_graph(graph)
        map_s = time.perf_counter() - start
        manifest = read_manifest(layout)
    result = ScaleResult(
        scale=scale,
        triples=len(graph),
        nodes=len(property_graph.nodes),
        relationships=len(property_graph.edges),
        runs=runs,
        generate_s=generate_s,
        parse_s=parse_s,
        validate_s=validate_s,
        map_s=map_s,
    )
    log.info(
        "scale %d: %d triples, parse %.2fs, validate %s, map %.2fs",
        scale,
        result.triples,
        parse_s,
        f"{validate_s:.2f}s" if validate_s is not None else "skipped",
        map_s,
    )
    for run in range(runs):
        clear_database(driver, database)
        try:
            start = time.perf_counter()
            with writer_session(driver, database) as writer:
                steps = replace_knowledge_base(
                    writer,
                    property_graph,
                    Published(
                        manifest.content_id,
                        1,
                        result.triples,
                        manifest.files,
                        manifest.hashes,
                        sorted(list_keys_of(property_graph)),
                    ),
                )
            seconds = time.perf_counter() - start
        except Neo4jError as exc:  # e.g. the transaction memory limit: a result at scale
            result.ours_error = f"{type(exc).__name__}: {exc.code}: {exc.message}"
            log.warning("scale %d: our write failed: %s", scale, result.ours_error)
            break
        result.ours_s.append(seconds)
        result.ours_steps.append(asdict(steps))
        log.info("scale %d run %d: ours %.2fs", scale, run + 1, seconds)
    result.stored_nodes_ours = count_nodes(driver, database)
    result.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if admin:
        try:
            imported = run_import(property_graph)
            result.admin_wall_s = imported.wall_s
            result.admin_tool_s = imported.tool_s
            result.admin_export_s = imported.export_s
            result.admin_imported = (imported.nodes, imported.relationships)
        except (RuntimeError, OSError) as exc:
            result.admin_error = str(exc)
            log.warning("scale %d: neo4j-admin import failed: %s", scale, exc)
    if peer and not peer_available():
        result.peer_error = PEER_MISSING
        log.warning(PEER_MISSING)
    elif peer:
        by_subject = sorted(graph, key=lambda t: (t[0], t[1], t[2]))
        del graph
        for run in range(runs):
            clear_database(driver, database)
            try:
                seconds = _timed(lambda: peer_load(driver, by_subject))
            except Exception as exc:  # the peer's failure is a result, not a crash
                result.peer_error = f"{type(exc).__name__}: {exc}"
                log.warning("scale %d: peer failed: %s", scale, result.peer_error)
                break
            result.peer_s.append(seconds)
            log.info("scale %d run %d: peer %.2fs", scale, run + 1, seconds)
        result.stored_nodes_peer = count_nodes(driver, database)
    clear_database(driver, database)
    return result
