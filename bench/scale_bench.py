"""Neo4j servers holding 1x, 10x, 100x, 1000x the knowledge base, for latency at each scale.

Parsing 14 million triples with rdflib is out of reach, so each scale is built at the
property-graph level (``bench.generate.scaled_graph``: exactly the mapping of
``generate(k)``), written to CSV copy by copy (``bench.admin_import.export_scaled_csv``)
and imported offline with ``neo4j-admin database import full`` into its own Neo4j home
(``.cache/neo4j/bench-scale``, Bolt port 7692 or ``BENCH_SCALE_BOLT_PORT``). Then the server
is started, the loader's schema created (``loaders.writer.ensure_schema``), every index awaited
and the ``:KnowledgeBase`` version node written, so the API serves it like a loaded knowledge
base.

    for db in scaled_databases([1, 10, 100, 1000]):
        ...  # db.settings points at the running server; it is stopped before the next scale

    with scaled_database(100) as db:   # one scale; stopped on leaving the block
        ...

The server is stopped when the block (or the generator, when closed or exhausted) ends,
also on errors. Every home import overwrites the ``neo4j`` database; the password of the
home (``<home>/password``) is generated on its first start, after the first import.

    python -m bench.scale_bench --scales 1,10   # logs each scale's measurements
"""

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, LiteralString

from neo4j import Driver
from pydantic import SecretStr

from bench.admin_import import export_scaled_csv, import_csv
from bench.generate import ONTOLOGY, ScaledGraph, scaled_graph
from loaders.manifest import read_manifest
from loaders.published import Published
from loaders.sources import Layout
from loaders.store import counts
from loaders.writer import ensure_schema, writer_session
from queries import query
from smekg.database import open_driver
from smekg.settings import Settings

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j.sh"
HOME = ROOT / ".cache" / "neo4j" / "bench-scale"
DATABASE = "neo4j"  # Community: the one user database, the import target


@dataclass(frozen=True)
class ScaleServer:
    """Where and how the scaled databases are served (the ``scripts/neo4j.sh`` settings)."""

    home: Path = HOME
    # Its own port, so engineers sharing a machine can move it (BENCH_SCALE_BOLT_PORT).
    bolt_port: int = field(
        default_factory=lambda: int(os.environ.get("BENCH_SCALE_BOLT_PORT", "7692"))
    )
    heap: str = "1g"
    pagecache: str = "1g"
    import_memory: str = "2g"  # neo4j-admin --max-off-heap-memory (its default: 90% of RAM)
    start_timeout_s: int = 600
    index_timeout_s: int = 3600

    def env(self) -> dict[str, str]:
        return {
            "NEO4J_HOME_DIR": str(self.home),
            "NEO4J_BOLT_PORT": str(self.bolt_port),
            "NEO4J_HEAP": self.heap,
            "NEO4J_PAGECACHE": self.pagecache,
            "NEO4J_START_TIMEOUT": str(self.start_timeout_s),
        }


@dataclass(frozen=True)
class ScaledDatabase:
    """A running server holding scale k, and what building it took."""

    scale: int
    settings: Settings = field(repr=False)  # the running server (URI, user, password)
    version: str  # the :KnowledgeBase version written (real KB's content hash + "-x<k>")
    triples: int  # triples of the equivalent Turtle (the version node's `triples`)
    nodes: int  # stored nodes, the :KnowledgeBase node included
    relationships: int
    resources: int  # :Resource nodes
    csv_bytes: int
    store_bytes: int  # database + transaction log directories on disk, indexes included
    export_s: float  # writing the CSV
    import_s: float  # neo4j-admin wall time (JVM start included)
    import_tool_s: float | None  # the tool's own "IMPORT DONE in" time
    start_s: float  # server start until Bolt answers
    schema_s: float  # ensure_schema and every index online

    def summary(self) -> dict[str, Any]:
        """The measurements, without the credentials."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "settings"}
        out["neo4j_uri"] = self.settings.neo4j_uri
        return out


def _script(command: str, server: ScaleServer) -> str:
    completed = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [str(SCRIPT), command],
        env={**os.environ, **server.env()},
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if completed.returncode != 0:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
        raise RuntimeError(f"scripts/neo4j.sh {command} failed: " + " | ".join(tail))
    return completed.stdout


def start_server(server: ScaleServer) -> Settings:
    """Start the home's server; its settings from the env file the script writes (it never
    prints the password)."""
    _script("start", server)
    env = (server.home / "env").read_text(encoding="utf-8")
    values = dict(line.split("=", 1) for line in env.splitlines() if "=" in line)
    return Settings(
        neo4j_uri=values["NEO4J_URI"],
        neo4j_user=values["NEO4J_USER"],
        neo4j_password=SecretStr(values["NEO4J_PASSWORD"]),
        neo4j_database=DATABASE,
    )


def stop_server(server: ScaleServer) -> None:
    """Stop the server of this home (a no-op when it is not running)."""
    _script("stop", server)


def disk_bytes(*paths: Path) -> int:
    """Bytes allocated on disk under `paths` (as ``du`` counts them)."""
    total = 0
    for root in paths:
        for directory, _, names in os.walk(root):
            for name in names:
                total += os.lstat(Path(directory) / name).st_blocks * 512
    return total


def _scalar(driver: Driver, cypher: LiteralString) -> int:
    with driver.session(database=DATABASE, default_access_mode="READ") as session:
        record = session.run(cypher).single(strict=True)
    return int(record[0])


def _prepare(driver: Driver, server: ScaleServer, version: str, triples: int) -> None:
    """The loader's schema, every index online, and the version node the API reads."""
    ensure_schema(driver, DATABASE)
    with driver.session(database=DATABASE) as session:
        session.run(query("await_indexes"), seconds=server.index_timeout_s).consume()
    with writer_session(driver, DATABASE) as writer:
        writer.publish(0, Published(version, 1, triples, [], [], []).write)


@contextmanager
def scaled_database(
    scale: int, server: ScaleServer | None = None, graph: ScaledGraph | None = None
) -> Iterator[ScaledDatabase]:
    """Build scale k in the server's home, start it, yield it; stop it on leaving."""
    server = server or ScaleServer()
    graph = graph or scaled_graph()
    csv_dir = server.home / "import" / "scale"
    stop_server(server)  # the import needs the database stopped
    try:
        export = export_scaled_csv(graph, scale, csv_dir)
        run = import_csv(
            export.args,
            server.home,
            DATABASE,
            env=server.env(),
            extra=[
                f"--max-off-heap-memory={server.import_memory}",
                f"--report-file={server.home / 'logs' / 'import.report'}",
            ],
        )
    finally:
        shutil.rmtree(csv_dir, ignore_errors=True)
    if (run.nodes, run.relationships) != (export.nodes, export.relationships):
        raise RuntimeError(
            f"scale {scale}: imported {run.nodes} nodes / {run.relationships} relationships, "
            f"exported {export.nodes} / {export.relationships}"
        )
    version = f"{read_manifest(Layout(ONTOLOGY)).content_id}-x{scale}"
    try:
        start = time.perf_counter()
        settings = start_server(server)
        start_s = time.perf_counter() - start
        driver = open_driver(settings)
        try:
            start = time.perf_counter()
            _prepare(driver, server, version, graph.triples(scale))
            schema_s = time.perf_counter() - start
            stored = counts(driver, DATABASE)
            resources = _scalar(driver, "MATCH (n:Resource) RETURN count(n)")
        finally:
            driver.close()
        data = server.home / "data"
        database = ScaledDatabase(
            scale=scale,
            settings=settings,
            version=version,
            triples=graph.triples(scale),
            nodes=int(stored["nodes"]),
            relationships=int(stored["relationships"]),
            resources=resources,
            csv_bytes=export.bytes,
            store_bytes=disk_bytes(data / "databases" / DATABASE, data / "transactions" / DATABASE),
            export_s=export.seconds,
            import_s=run.wall_s,
            import_tool_s=run.tool_s,
            start_s=start_s,
            schema_s=schema_s,
        )
        log.info("scale %d ready: %s", scale, database.summary())
        yield database
    finally:
        stop_server(server)


def scaled_databases(
    scales: list[int], server: ScaleServer | None = None, graph: ScaledGraph | None = None
) -> Iterator[ScaledDatabase]:
    """Each scale in turn, its server running while the caller holds it (see module doc).

    Close the generator (``contextlib.closing``) to stop the server promptly when leaving
    the loop early on an error; exhausting it or ``break`` stops it too.
    """
    graph = graph or scaled_graph()
    for scale in scales:
        with scaled_database(scale, server, graph) as database:
            yield database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10", help="comma-separated, e.g. 1,10,100,1000")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    scales = [int(s) for s in args.scales.split(",")]
    for database in scaled_databases(scales):
        log.info("%s", database.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
