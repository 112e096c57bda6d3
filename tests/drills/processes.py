"""Real processes for the drills: the API as ``python -m api``, the command line, and a Neo4j
of the drill's own that it may kill (``scripts/neo4j.sh``, its pid file). Loopback only."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from pydantic import SecretStr

from api.live_server import free_port
from smekg.settings import Settings
from tests.conftest import ROOT

NEO4J_SCRIPT = ROOT / "scripts" / "neo4j.sh"


def neo4j_env(settings: Settings) -> dict[str, str]:
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "NEO4J_DATABASE": settings.neo4j_database,
    }


def base_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment of a child process: ours, the settings' Neo4j, and `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMEKG_", "NEO4J_"))}
    return {**env, **neo4j_env(settings), **extra}


@dataclass
class ApiProcess:
    """``python -m api`` on a free loopback port, its output in a log file."""

    settings: Settings
    log: Path
    extra: Mapping[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, timeout: float = 60) -> "ApiProcess":
        env = base_env(
            self.settings,
            SMEKG_HOST="127.0.0.1",
            SMEKG_PORT=str(self.port),
            SMEKG_LOG_LEVEL="warning",
            **self.extra,
        )
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(  # our own module, fixed arguments
                [sys.executable, "-m", "api"], cwd=ROOT, env=env, stdout=out, stderr=out
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the API exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the API did not start within {timeout} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def __enter__(self) -> "ApiProcess":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn's workers), in MiB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for one in pids:
        for line in Path(f"/proc/{one}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def smekg(settings: Settings, *args: str, **extra: str) -> subprocess.Popen[str]:
    """A ``smekg`` command (``python -m commands``) as its own process."""
    return subprocess.Popen(  # our own module, fixed arguments
        [sys.executable, "-m", "commands", *args],
        cwd=ROOT,
        env=base_env(settings, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_smekg(settings: Settings, *args: str, **extra: str) -> tuple[int, str]:
    """Run a command to its end: (exit status, standard error and output)."""
    process = smekg(settings, *args, **extra)
    out, err = process.communicate(timeout=600)
    return process.returncode, err + out


@dataclass
class DrillNeo4j:
    """A Neo4j of the drill's own (``scripts/neo4j.sh``, small memory), which it may kill."""

    home: Path
    port: int = field(default_factory=free_port)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "NEO4J_HOME_DIR": str(self.home),
            "NEO4J_BOLT_PORT": str(self.port),
            "NEO4J_HEAP": "256m",
            "NEO4J_PAGECACHE": "64m",
            "NEO4J_START_TIMEOUT": "600",  # a loaded machine recovers a killed store slowly
        }

    def start(self) -> Settings:
        """Start (or start again) and wait for Bolt; the settings to reach it. What the script
        prints must not hold the password (it is in <home>/env only)."""
        started = subprocess.run(  # our own script, fixed arguments
            [str(NEO4J_SCRIPT), "start"],
            env=self.env(),
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=660,
        )
        values = dict(
            line.split("=", 1)
            for line in (self.home / "env").read_text().splitlines()
            if "=" in line
        )
        password = values["NEO4J_PASSWORD"]
        assert password not in started.stdout + started.stderr, "neo4j.sh printed the password"
        return Settings(
            neo4j_uri=values["NEO4J_URI"],
            neo4j_user=values["NEO4J_USER"],
            neo4j_password=SecretStr(password),
        )

    def kill(self) -> None:
        """SIGKILL the server by its pid file: no shutdown, connections reset."""
        pid = int((self.home / "run" / "neo4j.pid").read_text())
        os.kill(pid, signal.SIGKILL)
        while Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid):
            time.sleep(0.05)

    def stop(self) -> None:
        subprocess.run(  # our own script, fixed arguments
            [str(NEO4J_SCRIPT), "stop"], env=self.env(), cwd=ROOT, check=False, timeout=120
        )


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split("\n", 1)[0]
    except (OSError, IndexError):
        return "zombie"


@contextmanager
def drill_neo4j(home: Path) -> Iterator[DrillNeo4j]:
    server = DrillNeo4j(home)
    try:
        yield server
    finally:
        server.stop()
