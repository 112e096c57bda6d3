"""Profiles for the benchmark report: where a request's time goes, and what a query touches.

- ``cypher_profile``: runs each named query the API ran for a request under Neo4j
  ``PROFILE`` and sums database hits and rows over the plan: if the hits do not grow with
  the graph, neither does the query's cost (the scale target's explanation).
- ``python_profile``: samples the API process with py-spy while a client sends one request
  in a loop, and groups the samples by component (Neo4j driver, GraphQL execution, HTTP
  server, our code).
"""

import collections
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j import Driver

log = logging.getLogger(__name__)

Read = tuple[str, str, dict[str, Any]]  # name, statement, parameters
# First matching folder of a frame's file names the component (order matters: our api/graphql
# is ours, not graphql-core's). py-spy writes our files relative to the working directory
# (api/graphql/plan/roots.py) and installed ones from their package (neo4j/_async/...).
COMPONENTS = [
    ("/api/", "our API code (compiled requests, resolvers, mapping, repository)"),
    ("/neo4j/", "Neo4j driver (network wait, decoding)"),
    ("/strawberry/", "GraphQL execution (strawberry, graphql-core)"),
    ("/graphql/", "GraphQL execution (strawberry, graphql-core)"),
    ("/uvicorn/", "HTTP server and framework (uvicorn, starlette, fastapi)"),
    ("/starlette/", "HTTP server and framework (uvicorn, starlette, fastapi)"),
    ("/fastapi/", "HTTP server and framework (uvicorn, starlette, fastapi)"),
    ("/json/", "JSON encoding"),
    ("/anyio/", "event loop and thread-pool hand-off (anyio, asyncio; waits included)"),
    ("/asyncio/", "event loop and thread-pool hand-off (anyio, asyncio; waits included)"),
    ("/concurrent/", "event loop and thread-pool hand-off (anyio, asyncio; waits included)"),
]
FRAME_FILE = re.compile(r"\(([^():]+):\d+\)")


def _plan_totals(plan: dict[str, Any]) -> tuple[int, int]:
    """Database hits summed over the plan tree, and the root's rows (the driver's dict)."""
    hits = int(plan.get("dbHits", 0) or 0)
    rows = int(plan.get("rows", 0) or 0)
    for child in plan.get("children", []) or []:
        child_hits, _ = _plan_totals(child)
        hits += child_hits
    return hits, rows


def cypher_profile(driver: Driver, database: str, reads: list[Read]) -> list[dict[str, Any]]:
    """Database hits and result rows of each read under PROFILE."""
    out = []
    with driver.session(database=database) as session:
        for name, cypher, params in reads:
            summary = session.run("PROFILE " + cypher, params).consume()
            hits, rows = _plan_totals(summary.profile) if summary.profile else (0, 0)
            out.append({"query": name, "db_hits": hits, "rows": rows})
    return out


def _py_spy() -> str | None:
    beside = Path(sys.executable).parent / "py-spy"  # the virtualenv's, when PATH lacks it
    return str(beside) if beside.exists() else shutil.which("py-spy")


def py_spy_missing() -> str | None:
    return None if _py_spy() else "py-spy is not installed (pip install py-spy)"


def component_of(stack: str) -> str:
    """The innermost frame's component."""
    for frame in reversed(stack.split(";")):
        match = FRAME_FILE.search(frame)
        path = "/" + (match.group(1) if match else frame)
        for fragment, name in COMPONENTS:
            if fragment in path:
                return name
    return "other (interpreter, stdlib)"


def python_profile(work: Callable[[], object], seconds: float, pid: int) -> dict[str, Any]:
    """Run `work` in a loop for `seconds` under py-spy; shares of the server's samples."""
    with tempfile.TemporaryDirectory(prefix="smekg-pyspy-") as tmp:
        out = Path(tmp) / "raw.txt"
        spy = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                _py_spy() or "py-spy",
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(int(seconds)),
                "--rate",
                "200",
                "--format",
                "raw",
                "--output",
                str(out),
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(0.5)  # let py-spy attach before the loop starts
        requests = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and spy.poll() is None:
            work()
            requests += 1
        _, stderr = spy.communicate(timeout=60)
        if spy.returncode != 0 or not out.exists():
            raise RuntimeError(f"py-spy failed: {stderr.strip()[-300:]}")
        counts: collections.Counter[str] = collections.Counter()
        for line in out.read_text(encoding="utf-8").splitlines():
            stack, _, number = line.rpartition(" ")
            component = component_of(stack)
            if number.isdigit():
                counts[component] += int(number)
    total = sum(counts.values())
    return {
        "requests": requests,
        "samples": total,
        "shares": {name: n / total for name, n in counts.most_common()} if total else {},
    }
