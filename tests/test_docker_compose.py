"""docker-compose.yml is read, not run, here (no Docker engine): check that it says what we
mean, and run the Neo4j health check's command against the test Neo4j."""

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml
from neo4j import Driver

from smekg.settings import Settings
from tests.conftest import ROOT


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    return data


def test_neo4j_service_is_5_26_community_with_healthcheck_and_volume() -> None:
    neo4j = _compose()["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "test" in neo4j["healthcheck"]
    assert any(v.endswith(":/data") for v in neo4j["volumes"])
    assert "${NEO4J_PASSWORD:?" in neo4j["environment"]["NEO4J_AUTH"]


def test_api_waits_for_a_healthy_neo4j_and_takes_the_password_from_the_environment() -> None:
    api = _compose()["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["NEO4J_PASSWORD"].startswith("${NEO4J_PASSWORD")
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert (ROOT / api["build"] / "Dockerfile").is_file()


def _container_environment(password: str) -> dict[str, str]:
    """The neo4j service's environment as compose gives it, for a NEO4J_PASSWORD."""
    environment: dict[str, str] = _compose()["services"]["neo4j"]["environment"]
    return {
        name: re.sub(r"\$\{NEO4J_PASSWORD:\?[^}]*\}", password, str(value))
        for name, value in environment.items()
    }


def _run_healthcheck(settings: Settings, tmp_path: Path, password: str) -> int:
    """The health check's exact command (compose's `$$` unescaped) under `sh`, with only the
    container's environment, cypher-shell (scripts/cypher-shell.sh) on the PATH and the
    address of the test Neo4j in NEO4J_ADDRESS (in the container it is localhost:7687)."""
    kind, command = _compose()["services"]["neo4j"]["healthcheck"]["test"]
    assert kind == "CMD-SHELL"
    tools = tmp_path / "bin"
    tools.mkdir(exist_ok=True)
    shell = tools / "cypher-shell"
    shell.write_text(f'#!/bin/sh\nexec "{ROOT}/scripts/cypher-shell.sh" "$@"\n', encoding="utf-8")
    shell.chmod(0o755)
    environment = {
        **_container_environment(password),
        "PATH": f"{tools}:{os.environ['PATH']}",
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "NEO4J_ADDRESS": settings.neo4j_uri,
    }
    assert "NEO4J_PASSWORD" not in environment
    done = subprocess.run(
        ["sh", "-c", command.replace("$$", "$")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode


def test_neo4j_healthcheck_passes_against_a_real_neo4j_with_the_containers_environment(
    driver: Driver, settings: Settings, tmp_path: Path
) -> None:
    subprocess.run([ROOT / "scripts" / "cypher-shell.sh", "install"], check=True, timeout=600)
    password = settings.neo4j_password.get_secret_value()
    assert _run_healthcheck(settings, tmp_path, password) == 0
    assert _run_healthcheck(settings, tmp_path, password + "-wrong") != 0
