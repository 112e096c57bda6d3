"""Cold start: `make serve` as a user runs it, against Neo4j alone (issue 13, target 5).

With Neo4j already installed, three timings on the same Neo4j home (its own ports, so no
other server is touched):

- **Neo4j alone**: `scripts/neo4j.sh start` until it answers on Bolt (what `make serve`
  waits for before anything of ours runs), then stopped;
- **serve, loading**: the database emptied first, then `make serve` until `/readyz` answers
  200: Neo4j's start, the full load of the real knowledge base, the API's start;
- **serve, unchanged**: `make serve` again: the files are those the published knowledge base
  was built from, so the load is skipped (the command's output says so and is kept as proof).

- **load after start, load again**: `smekg load --force` right after Neo4j's start, then once
  more: what the first compilation of each statement on a just-started Neo4j costs the load.

The web app is built first when the checkout has none (what a first `make serve` does once,
like creating the virtualenv), so neither `make serve` timing includes an npm build.

Each `make serve` is stopped as a user stops it (Ctrl-C: SIGINT to its process group), which
also stops the Neo4j it started. Run alone with `python -m bench.cold_start`.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
from neo4j import GraphDatabase

ROOT = Path(__file__).resolve().parent.parent
HOME = ".cache/neo4j/coldstart"
BOLT_PORT = int(os.environ.get("BENCH_COLD_BOLT_PORT", "7698"))
API_PORT = int(os.environ.get("BENCH_COLD_API_PORT", "8096"))
READY_TIMEOUT_S = 300.0
MAKE = shutil.which("make") or "/usr/bin/make"


@dataclass
class ServeRun:
    seconds: float
    load_skipped: bool
    load_line: str  # what `smekg load` printed about the knowledge base


@dataclass
class ColdStart:
    neo4j_alone_s: list[float]
    serve_loading: ServeRun
    serve_unchanged: ServeRun
    load_average: tuple[float, float, float]
    web_build_s: float  # scripts/web.sh ensure before the timings (about 0.1 s when built)
    load_after_start_s: float  # `smekg load --force` on a Neo4j that has just started
    load_again_s: float  # the same load right after it (Neo4j's queries compiled, JIT warm)

    def summary(self) -> dict[str, object]:
        neo4j = sorted(self.neo4j_alone_s)[len(self.neo4j_alone_s) // 2]
        return {
            **asdict(self),
            "neo4j_alone_median_s": neo4j,
            "ratio_serve_loading_over_neo4j": self.serve_loading.seconds / neo4j,
            "ratio_serve_unchanged_over_neo4j": self.serve_unchanged.seconds / neo4j,
        }


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(
        NEO4J_HOME_DIR=HOME,
        NEO4J_BOLT_PORT=str(BOLT_PORT),
        SMEKG_PORT=str(API_PORT),
        SMEKG_LOG_LEVEL="warning",
        NEO4J_START_TIMEOUT=str(int(READY_TIMEOUT_S)),  # a busy machine starts it slowly
    )
    return env


def _neo4j(command: str) -> None:
    script = str(ROOT / "scripts" / "neo4j.sh")
    done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [script, command], cwd=ROOT, env=_env(), check=False, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"scripts/neo4j.sh {command} failed: {done.stderr.strip()[-500:]}")


def neo4j_alone() -> float:
    start = time.perf_counter()
    _neo4j("start")
    seconds = time.perf_counter() - start
    _neo4j("stop")
    return seconds


def empty_database() -> None:
    """Neo4j started, everything deleted (the next `make serve` must load), stopped."""
    _neo4j("start")
    try:
        password = (ROOT / HOME / "password").read_text().strip()
        with (
            GraphDatabase.driver(f"bolt://127.0.0.1:{BOLT_PORT}", auth=("neo4j", password)) as d,
            d.session() as session,
        ):  # auto-commit: CALL … IN TRANSACTIONS cannot run in an explicit transaction
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    finally:
        _neo4j("stop")


def _load_env() -> dict[str, str]:
    password = (ROOT / HOME / "password").read_text().strip()
    uri = f"bolt://127.0.0.1:{BOLT_PORT}"
    return {**_env(), "NEO4J_URI": uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": password}


def _timed_load() -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "commands", "load", "--force"],
        cwd=ROOT,
        env=_load_env(),
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"smekg load --force failed: {done.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def load_cold_and_warm() -> tuple[float, float]:
    """What Neo4j's warm-up costs the load: `smekg load --force` (its own process, as `make
    serve` runs it) right after Neo4j's start, then once more."""
    _neo4j("start")
    try:
        return _timed_load(), _timed_load()
    finally:
        _neo4j("stop")


def serve_once() -> ServeRun:
    """`make serve` until /readyz says ready, then Ctrl-C."""
    log = ROOT / ".cache" / "bench" / "cold-start-serve.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - `make serve`, as a user types it
            [MAKE, "serve"], cwd=ROOT, env=_env(), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        try:
            seconds = _wait_ready(process, start)
        finally:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=120)
    text = log.read_text(errors="replace")
    line = next((ln for ln in text.splitlines() if "knowledge base version" in ln), "")
    return ServeRun(seconds, "unchanged" in line, line.strip())


def _wait_ready(process: "subprocess.Popen[bytes]", start: float) -> float:
    url = f"http://127.0.0.1:{API_PORT}/readyz"
    with httpx.Client(timeout=2.0) as client:
        while time.perf_counter() - start < READY_TIMEOUT_S:
            if process.poll() is not None:
                raise RuntimeError(f"make serve exited with {process.returncode} before ready")
            try:
                if client.get(url).status_code == 200:
                    return time.perf_counter() - start
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
    raise RuntimeError(f"make serve was not ready within {READY_TIMEOUT_S:.0f} s")


def build_web_app() -> float:
    """What the first `make serve` of a checkout does once, like creating the virtualenv:
    build the web app when web/dist is missing or stale. Done before the timings, which are
    about starting, not installing; its seconds are reported beside them."""
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [str(ROOT / "scripts" / "web.sh"), "ensure"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"scripts/web.sh ensure failed: {done.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def measure(neo4j_runs: int = 3) -> ColdStart:
    web = build_web_app()
    neo4j_alone()  # first start of a new home sets the password and creates the store
    alone = [neo4j_alone() for _ in range(neo4j_runs)]
    empty_database()
    loading = serve_once()
    unchanged = serve_once()
    cold, warm = load_cold_and_warm()
    return ColdStart(alone, loading, unchanged, os.getloadavg(), web, cold, warm)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--neo4j-runs", type=int, default=3)
    args = parser.parse_args(argv)
    result = measure(args.neo4j_runs).summary()
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
