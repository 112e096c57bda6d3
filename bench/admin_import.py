"""Offline upper bound: ``neo4j-admin database import full`` of the same mapped graph.

The property graph our loader writes (``loaders.mapping.to_property_graph``) is exported
to CSV (one node file per distinct label set and property signature, one relationship
file) and imported with ``scripts/neo4j.sh admin database import full`` into a separate,
never-started Neo4j home (the import needs a stopped database and overwrites it). The
wall time includes the JVM start; the tool's own "IMPORT DONE in …" time is reported too.
Constraints and the full-text index are not built by the import (our loader builds them).
"""

import csv
import logging
import os
import re
import shutil
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.mapping import NodeRecord, PropertyGraph

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j.sh"
HOME = ROOT / ".cache" / "neo4j" / "bench-import"
ARRAY_DELIMITER = "\x1f"  # ASCII unit separator: never in the knowledge base's texts


@dataclass(frozen=True)
class ImportResult:
    wall_s: float
    tool_s: float | None
    export_s: float
    files: int
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


def _signature(node: NodeRecord) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    props = tuple(sorted((k, _type_of(v)) for k, v in node.props.items() if k != "iri"))
    return node.labels, props


def export_csv(graph: PropertyGraph, out: Path) -> list[str]:
    """Write the CSV files; returns the import arguments naming them."""
    out.mkdir(parents=True, exist_ok=True)
    groups: dict[Any, list[NodeRecord]] = defaultdict(list)
    for node in graph.nodes:
        groups[_signature(node)].append(node)
    args = []
    for number, ((labels, props), nodes) in enumerate(sorted(groups.items())):
        path = out / f"nodes-{number:04d}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            # the :ID column is also stored as the property `iri`
            writer.writerow(["iri:ID", *(f"{k}:{t}" for k, t in props), ":LABEL"])
            for node in nodes:
                writer.writerow(
                    [
                        node.iri,
                        *(_cell(node.props[k]) for k, _ in props),
                        ";".join(labels),
                    ]
                )
        args.append(f"--nodes={path}")
    path = out / "relationships.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":TYPE", ":END_ID"])
        writer.writerows((e.source, e.type, e.target) for e in graph.edges)
    args.append(f"--relationships={path}")
    return args


def run_import(graph: PropertyGraph, database: str = "neo4j") -> ImportResult:
    """Export to CSV under the import home, then time the offline import."""
    csv_dir = HOME / "import" / "bench"
    if csv_dir.exists():
        shutil.rmtree(csv_dir)
    start = time.perf_counter()
    files = export_csv(graph, csv_dir)
    export_s = time.perf_counter() - start
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
        *files,
    ]
    env = {**os.environ, "NEO4J_HOME_DIR": str(HOME)}
    start = time.perf_counter()
    completed = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        command, env=env, capture_output=True, text=True, check=False, cwd=ROOT
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
    shutil.rmtree(csv_dir)
    log.info("neo4j-admin import: %.2fs wall, tool %s s", wall_s, tool_s)
    return ImportResult(wall_s, tool_s, export_s, len(files), nodes, relationships)
