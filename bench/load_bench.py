"""Load benchmark: our loader end to end against rdflib-neo4j end to end, same Turtle, same Neo4j.

Per scale k (bench.generate), on an emptied database each run:

- **ours**: `loaders.pipeline.load` of the generated folder in its own process
  (`bench/load_e2e.py`): Oxigraph parse with the property graph collected meanwhile, SHACL
  by parts and the SPARQL checks, mapping, staged write and swap (docs/decisions/0008,
  0027). Its step timings come from the pipeline itself; its peak resident set size is that
  process's own (a fresh process per run).
- **peer**: rdflib's Turtle parse of the same files (rdflib-neo4j reads rdflib graphs), then
  rdflib-neo4j's ``Neo4jStore`` fed the parsed triples (grouped by subject, as its streaming
  design expects; batches of 5000, one auto-commit transaction each). End to end = parse +
  write; the peer validates nothing.

The target ratio is the peer's end-to-end time over ours. Scales above `PEER_PARSE_UP_TO` run
ours only (rdflib's parse of 16 M triples takes longer and more memory than a run allows).
`neo4j-admin import` of the same mapped graph is kept as the offline bound. The database is
emptied before every run (and the peer's ``n10s_unique_uri`` constraint dropped after it).

One scale alone (`bench.run --part load` runs every scale of its profile), against the Neo4j
of the NEO4J_* settings, which it empties:

    python -m bench.load_bench --scale 100 --runs 1 --out /tmp/load-100x.json
"""

import argparse
import contextlib
import importlib
import importlib.util
import io
import json
import logging
import os
import statistics
import subprocess
import sys
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
from bench.generate import ROOT, generate
from loaders.sources import Layout, parse_file, read_files
from loaders.writer import delete_in_batches
from smekg.database import open_driver
from smekg.settings import get_settings

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
    ours_s: list[float] = field(default_factory=list)  # end to end, per run
    ours_runs: list[dict[str, Any]] = field(default_factory=list)  # per run: steps, peak RSS
    ours_error: str | None = None
    peer_parse_s: float | None = None  # rdflib's parse of the files (once)
    peer_s: list[float] = field(default_factory=list)  # rdflib-neo4j's write, per run
    peer_error: str | None = None
    stored_nodes_ours: int = 0
    stored_nodes_peer: int = 0
    admin_wall_s: float | None = None
    admin_tool_s: float | None = None
    admin_export_s: float | None = None
    admin_error: str | None = None
    admin_imported: tuple[int | None, int | None] | None = None  # nodes, relationships
    load_average: tuple[float, float, float] | None = None  # 1, 5, 15 min, when the scale ended
    clear_error: str | None = None  # emptying the database afterwards failed (the result stands)

    @property
    def ours_median(self) -> float | None:
        return statistics.median(self.ours_s) if self.ours_s else None

    @property
    def peer_median(self) -> float | None:
        if not self.peer_s or self.peer_parse_s is None:
            return None
        return self.peer_parse_s + statistics.median(self.peer_s)

    def median_run(self) -> dict[str, Any] | None:
        if not self.ours_runs:
            return None
        return sorted(self.ours_runs, key=lambda r: r["seconds"])[len(self.ours_runs) // 2]

    def summary(self) -> dict[str, Any]:
        out = asdict(self)
        ours, peer, admin = self.ours_median, self.peer_median, self.admin_wall_s
        median = self.median_run()
        out["ours_median_s"] = ours
        out["ours_median_run"] = median
        out["ours_triples_per_s"] = self.triples / ours if ours else None
        out["peak_rss_mib"] = max((r["peak_rss_mib"] for r in self.ours_runs), default=None)
        out["peer_write_median_s"] = statistics.median(self.peer_s) if self.peer_s else None
        out["peer_median_s"] = peer
        out["peer_triples_per_s"] = self.triples / peer if peer else None
        # > 1 means ours is faster: the peer's end-to-end time over ours (target at 100x: 5).
        out["ratio_e2e_peer_over_ours"] = peer / ours if peer and ours else None
        write = sum(median["write"].values()) if median and median.get("write") else None
        out["ours_write_s"] = write
        out["admin_triples_per_s"] = self.triples / admin if admin else None
        # < 1 means the offline import (JVM start included) is faster than our online write.
        out["ratio_ours_over_admin_throughput"] = admin / write if admin and write else None
        return out


def clear_database(driver: Driver, database: str) -> None:
    """Empty the database in batches, relationships first (one huge transaction would need
    heap for all of it)."""
    with driver.session(database=database) as session:
        delete_in_batches(session, "delete_all_relationships")
        delete_in_batches(session, "delete_all_nodes")
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


def ours_load(folder: Path, memory_limit_mib: int | None = None) -> dict[str, Any]:
    """Our end-to-end load of `folder` in its own process (`bench.load_e2e`)."""
    limit = []
    if memory_limit_mib:  # a clean MemoryError rather than the machine's OOM killer
        limit = ["--memory-limit-mib", str(memory_limit_mib)]
    completed = subprocess.run(  # noqa: S603 - our own module, arguments from code
        [sys.executable, "-m", "bench.load_e2e", "--ontology", str(folder), *limit],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        tail = completed.stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"our load failed ({completed.returncode}): {' | '.join(tail)}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def bench_scale(
    driver: Driver,
    database: str,
    scale: int,
    runs: int,
    peer: bool = True,
    seed: int = 1,
    admin: bool = False,
    memory_limit_mib: int | None = None,
) -> ScaleResult:
    with tempfile.TemporaryDirectory(prefix=f"smekg-bench-{scale}x-") as tmp:
        start = time.perf_counter()
        generated = generate(Path(tmp) / "ontology", scale, seed)
        result = ScaleResult(scale, generated.triples, 0, 0, runs, time.perf_counter() - start)
        for run in range(runs):
            try:
                measured = ours_load(generated.layout.root, memory_limit_mib)
            except RuntimeError as exc:  # e.g. out of memory at scale: a result
                result.ours_error = str(exc)
                log.warning("scale %d: our load failed: %s", scale, exc)
                break
            result.ours_s.append(measured["seconds"])
            result.ours_runs.append(measured)
            result.triples, result.nodes = measured["triples"], measured["nodes"]
            result.relationships = measured["relationships"]
            log.info("scale %d run %d: ours %.2fs end to end", scale, run + 1, measured["seconds"])
        result.stored_nodes_ours = count_nodes(driver, database)
        result.load_average = os.getloadavg()
        if admin:
            _admin(result, generated.layout)
        if peer and not peer_available():
            result.peer_error = PEER_MISSING
            log.warning(PEER_MISSING)
        elif peer:
            _peer(result, driver, database, generated.layout)
    try:
        clear_database(driver, database)
    except Neo4jError as exc:  # e.g. a Neo4j a failed load left out of heap: still a result
        result.clear_error = f"{type(exc).__name__}: {exc}"
        log.warning("scale %d: emptying the database failed: %s", scale, exc)
    return result


def _admin(result: ScaleResult, layout: Layout) -> None:
    try:
        imported = run_import(read_files(layout.data_files).collected.build())
        result.admin_wall_s = imported.wall_s
        result.admin_tool_s = imported.tool_s
        result.admin_export_s = imported.export_s
        result.admin_imported = (imported.nodes, imported.relationships)
    except (RuntimeError, OSError) as exc:
        result.admin_error = str(exc)
        log.warning("scale %d: neo4j-admin import failed: %s", result.scale, exc)


def _peer(result: ScaleResult, driver: Driver, database: str, layout: Layout) -> None:
    start = time.perf_counter()
    graph = Graph()  # rdflib's parse alone: not our storability checks (`parse_files`)
    for path in layout.data_files:
        parse_file(path, into=graph)
    result.peer_parse_s = time.perf_counter() - start
    by_subject = sorted(graph, key=lambda t: (t[0], t[1], t[2]))
    del graph
    for run in range(result.runs):
        clear_database(driver, database)
        try:
            seconds = _timed(lambda: peer_load(driver, by_subject))
        except Exception as exc:  # the peer's failure is a result, not a crash
            result.peer_error = f"{type(exc).__name__}: {exc}"
            log.warning("scale %d: peer failed: %s", result.scale, result.peer_error)
            break
        result.peer_s.append(seconds)
        log.info("scale %d run %d: peer write %.2fs", result.scale, run + 1, seconds)
    result.stored_nodes_peer = count_nodes(driver, database)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--memory-limit-mib", type=int, default=16384)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    settings = get_settings()
    with open_driver(settings) as driver:
        result = bench_scale(
            driver,
            settings.neo4j_database,
            args.scale,
            args.runs,
            peer=not args.no_peer,
            memory_limit_mib=args.memory_limit_mib,
        )
    args.out.write_text(json.dumps(result.summary(), indent=2) + "\n", encoding="utf-8")
    log.info(
        "peer / ours end to end: %s (written to %s)",
        result.summary().get("ratio_e2e_peer_over_ours"),
        args.out,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
