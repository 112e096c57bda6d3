"""Health and readiness probes (real Neo4j, and one that is down); the GraphiQL page."""

import re

import httpx
from neo4j import Driver

from api.live_server import LiveServer
from smekg.settings import Settings
from tests.conftest import ROOT


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


def test_graphiql_opens_on_examples_that_run(loaded_db: Driver, client: httpx.Client) -> None:
    page = client.get("/graphql", headers={"Accept": "text/html"}).text
    examples = (ROOT / "api" / "examples.graphql").read_text(encoding="utf-8")
    assert "query ResearcherTimingPredictions" in page
    for operation in re.findall(r"^query (\w+)", examples, flags=re.M):
        body = client.post("/graphql", json={"query": examples, "operationName": operation}).json()
        assert "errors" not in body, (operation, body)


def test_graphql_says_service_unavailable_with_503_when_neo4j_is_down(settings: Settings) -> None:
    down = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9"})
    with LiveServer(down) as server:
        response = httpx.post(
            f"{server.url}/graphql", json={"query": "{ themes { id } }"}, timeout=30
        )
    assert response.status_code == 503
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "Traceback" not in response.text
