"""docker-compose.yml is read, not run, here (no Docker engine): check that it says what we mean."""

from typing import Any

import yaml

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
