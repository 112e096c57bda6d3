"""Health and readiness probes, against a real Neo4j and against one that is down."""

import httpx
from neo4j import Driver

from smekg.settings import Settings
from tests.conftest import LiveServer


def test_healthz(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_ready_when_loaded(loaded_db: Driver, client: httpx.Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


def test_readyz_503_when_not_loaded(clean_db: Driver, client: httpx.Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "the knowledge base is not loaded"


def test_readyz_503_when_neo4j_is_down(settings: Settings) -> None:
    down = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9"})
    with LiveServer(down) as server:
        response = httpx.get(f"{server.url}/readyz", timeout=30)
    assert response.status_code == 503
    assert "Neo4j is unavailable" in response.json()["reason"]
