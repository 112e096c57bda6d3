"""Offline upper bound: ``neo4j-admin database import full`` of the same mapped graph.

The property graph our loader writes (``loaders.mapping.to_property_graph``) is exported
to CSV (one node file per distinct label set and property signature, one relationship
file) and imported with ``scripts/neo4j.sh admin database import full`` into a separate,
never-started Neo4j home (the import needs a stopped database and overwrites it). The
wall time includes the JVM start; the tool's own "IMPORT DONE in …" time is reported too.
Constraints and the full-text index are not built by the import (our loader builds them).

`export_scaled_csv` writes scale k of ``bench.generate.scaled_graph`` the same way, copy
by copy (each copy's rows are rendered from the template once, then only the IRI suffix
changes), so 1000x never exists in memory; ``bench.scale_bench`` imports it.

Every CSV field is quoted: an empty string stays ``""`` (an unquoted empty field would be
imported as no property at all), and quoted numbers and booleans parse as their types.
"""

import logging
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bench.generate import ScaledGraph
from loaders.mapping import EdgeRecord, NodeRecord, PropertyGraph

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j.sh"
HOME = ROOT / ".cache" / "neo4j" / "bench-import"
ARRAY_DELIMITER = "\x1f"  # ASCII unit separator: never in the knowledge base's texts
NODE_HEADER_ID = "iri:ID"  # the :ID column is also stored as the property `iri`
RELATIONSHIP_HEADER = (":START_ID", ":TYPE", ":END_ID")

Signature = tuple[tuple[str, ...], tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class ImportResult:
    wall_s: float
    tool_s: float | None
    export_s: float
    files: int
    nodes: int | None
    relationships: int | None


@dataclass(frozen=True)
class CsvExport:
    """What an export wrote: the import arguments naming its files, and row counts."""

    args: list[str]
    nodes: int
    relationships: int
    bytes: int
    seconds: float


@dataclass(frozen=True)
class ImportRun:
    """One ``neo4j-admin database import full``: wall time (JVM start included), the tool's
    own time, and the counts it reports (None when its output did not say)."""

    wall_s: float
    tool_s: float | None
    nodes: int | None
    relationships: int | None


def _type_of(value: Any) -> str:
    sample = value[0] if isinstance(value, list) and value else value
    base = (
        "boolean"
        if isinstance(sample, bool)
        else "long"
        if isinstance(sample, int)
        else "double"
        if isinstance(sample, float)
        else "string"
    )
    return base + "[]" if isinstance(value, list) else base


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _row(cells: Iterable[str]) -> str:
    return ",".join(_quoted(cell) for cell in cells) + "\n"


def _signature(node: NodeRecord) -> Signature:
    props = tuple(sorted((k, _type_of(v)) for k, v in node.props.items() if k != "iri"))
    return node.labels, props


def _node_tail(node: NodeRecord, signature: Signature) -> str:
    """The node's row after its IRI: ``,"<prop>",…,"<labels>"\\n``."""
    labels, props = signature
    return "," + _row([*(_cell(node.props[k]) for k, _ in props), ARRAY_DELIMITER.join(labels)])


class CsvFiles:
    """Node files (one per signature, opened on first use) and one relationship file."""

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self._node_files: dict[Signature, IO[str]] = {}
        self._paths: list[Path] = []
        self.relationship_path = out / "relationships.csv"
        self.relationships_file = self.relationship_path.open("w", encoding="utf-8", newline="")
        self.relationships_file.write(_row(RELATIONSHIP_HEADER))
        self.nodes = 0
        self.relationships = 0

    def node_file(self, signature: Signature) -> IO[str]:
        handle = self._node_files.get(signature)
        if handle is None:
            path = self.out / f"nodes-{len(self._paths):04d}.csv"
            handle = path.open("w", encoding="utf-8", newline="")
            _, props = signature
            handle.write(_row([NODE_HEADER_ID, *(f"{k}:{t}" for k, t in props), ":LABEL"]))
            self._node_files[signature] = handle
            self._paths.append(path)
        return handle

    def write_nodes(self, nodes: Iterable[NodeRecord]) -> None:
        for node in nodes:
            signature = _signature(node)
            self.node_file(signature).write(_quoted(node.iri) + _node_tail(node, signature))
            self.nodes += 1

    def write_edges(self, edges: Iterable[EdgeRecord]) -> None:
        write = self.relationships_file.write
        for edge in edges:
            write(_row((edge.source, edge.type, edge.target)))
            self.relationships += 1

    @property
    def args(self) -> list[str]:
        """The import arguments naming the files."""
        return [f"--nodes={path}" for path in self._paths] + [
            f"--relationships={self.relationship_path}"
        ]

    def close(self) -> None:
        for handle in self._node_files.values():
            handle.close()
        self.relationships_file.close()

    def __enter__(self) -> "CsvFiles":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _size(args: list[str]) -> int:
    return sum(Path(arg.split("=", 1)[1]).stat().st_size for arg in args)


def export_csv(graph: PropertyGraph, out: Path) -> list[str]:
    """Write the CSV files; returns the import arguments naming them."""
    with CsvFiles(out) as files:
        files.write_nodes(graph.nodes)
        files.write_edges(graph.edges)
    return files.args


def export_scaled_csv(scaled: ScaledGraph, scale: int, out: Path) -> CsvExport:
    """Write scale k (``scaled.graphs(k)``) as CSV, copy by copy, in constant memory.

    Each template row is rendered once as text pieces around the places where a copy's
    suffix goes (the node's IRI, renamed relationship ends); copy i joins them with
    ``-s<i>``. Equal to `export_csv` of the whole graph up to row order and file numbers.
    """
    if scale < 1:
        raise ValueError("scale must be >= 1")
    start = time.perf_counter()
    with CsvFiles(out) as files:
        files.write_nodes(scaled.fixed.nodes)
        files.write_edges(scaled.fixed.edges)
        node_pieces: dict[IO[str], list[tuple[str, str]]] = {}
        for node in scaled.template.nodes:
            signature = _signature(node)
            handle = files.node_file(signature)
            head = '"' + node.iri.replace('"', '""')
            node_pieces.setdefault(handle, []).append((head, '"' + _node_tail(node, signature)))
        edge_pieces = [_edge_pieces(edge, scaled.renamed) for edge in scaled.template.edges]
        for number in range(1, scale):
            suffix = f"-s{number}"
            for handle, pieces in node_pieces.items():
                handle.write("".join([head + suffix + tail for head, tail in pieces]))
            files.relationships_file.write("".join([suffix.join(p) for p in edge_pieces]))
        files.nodes += (scale - 1) * len(scaled.template.nodes)
        files.relationships += (scale - 1) * len(scaled.template.edges)
    args = files.args
    seconds = time.perf_counter() - start
    export = CsvExport(args, files.nodes, files.relationships, _size(args), seconds)
    log.info(
        "scale %d: %d nodes, %d relationships, %.0f MB of CSV in %.1fs",
        scale,
        export.nodes,
        export.relationships,
        export.bytes / 1e6,
        seconds,
    )
    return export


def _edge_pieces(edge: EdgeRecord, renamed: frozenset[str]) -> tuple[str, ...]:
    """The edge's row split where the copy suffix goes (after each renamed end)."""
    source = _quoted(edge.source)
    target = _quoted(edge.target)
    middle = "," + _quoted(edge.type) + ","
    if edge.source in renamed and edge.target in renamed:
        return (source[:-1], '"' + middle + target[:-1], '"\n')
    if edge.source in renamed:
        return (source[:-1], '"' + middle + target + "\n")
    if edge.target in renamed:
        return (source + middle + target[:-1], '"\n')
    raise ValueError(f"template relationship {edge} touches no copy")


def import_csv(
    args: list[str],
    home: Path,
    database: str = "neo4j",
    env: Mapping[str, str] | None = None,
    extra: list[str] | None = None,
) -> ImportRun:
    """Run ``neo4j-admin database import full`` into `home` (its server must be stopped)."""
    command = [
        str(SCRIPT),
        "admin",
        "database",
        "import",
        "full",
        database,
        "--overwrite-destination=true",
        "--multiline-fields=true",
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--high-parallel-io=off",
        *(extra or []),
        *args,
    ]
    full_env = {**os.environ, **(env or {}), "NEO4J_HOME_DIR": str(home)}
    start = time.perf_counter()
    completed = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        command, env=full_env, capture_output=True, text=True, check=False, cwd=ROOT
    )
    wall_s = time.perf_counter() - start
    if completed.returncode != 0:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
        raise RuntimeError("neo4j-admin import failed: " + " | ".join(tail))
    done = re.search(r"IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms", completed.stdout)
    tool_s = (
        int(done.group(1) or 0) * 60 + int(done.group(2)) + int(done.group(3)) / 1000
        if done
        else None
    )
    counts = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", completed.stdout)
    nodes, relationships = (int(counts.group(1)), int(counts.group(2))) if counts else (None, None)
    log.info("neo4j-admin import: %.2fs wall, tool %s s", wall_s, tool_s)
    return ImportRun(wall_s, tool_s, nodes, relationships)


def run_import(graph: PropertyGraph, database: str = "neo4j") -> ImportResult:
    """Export to CSV under the import home, then time the offline import."""
    csv_dir = HOME / "import" / "bench"
    if csv_dir.exists():
        shutil.rmtree(csv_dir)
    start = time.perf_counter()
    files = export_csv(graph, csv_dir)
    export_s = time.perf_counter() - start
    run = import_csv(files, HOME, database)
    shutil.rmtree(csv_dir)
    return ImportResult(run.wall_s, run.tool_s, export_s, len(files), run.nodes, run.relationships)
