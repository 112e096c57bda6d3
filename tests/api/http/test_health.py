"""Health and readiness probes (real Neo4j, and one that is down); the GraphiQL page."""

import re

import httpx
from neo4j import Driver

from api.live_server import LiveServer
from loaders.mapping import to_property_graph
from loaders.sources import parse_files
from smekg.settings import Settings
from tests.conftest import ROOT, publish


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


def test_readyz_503_for_a_graph_that_is_not_a_knowledge_base(
    clean_db: Driver, settings: Settings, client: httpx.Client
) -> None:
    """The ontology alone, published as if it were the knowledge base: no source documents."""
    ontology_only = to_property_graph(parse_files([ROOT / "ontology" / "sme.ttl"]))
    publish(clean_db, settings, ontology_only, "ontology-only")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "not a knowledge base" in response.json()["reason"]


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


KB = "https://w3id.org/sme-intl-kg/kb/"
DOWN_QUERIES = {
    "themes": "{ themes { id } }",
    "perspective": f'{{ perspective(id: "{KB}persp-stage") {{ label }} }}',
    "theme": f'{{ theme(id: "{KB}theme-1") {{ label }} }}',
    "study": f'{{ study(id: "{KB}work-westhead2004a") {{ findings {{ id }} }} }}',
    "nested": "{ predictions { perspective { family { label } } } }",
    "search": '{ search(text: "born global") { node { __typename } } }',
    "two roots": f'{{ themes {{ id }} p: perspective(id: "{KB}persp-stage") {{ label }} }}',
}


def test_graphql_says_service_unavailable_with_503_when_neo4j_is_down(settings: Settings) -> None:
    """Every root field, by id or not, answers the outage: 503 and SERVICE_UNAVAILABLE on
    each error (nested fields under a live database: tests/drills/test_neo4j_killed.py)."""
    down = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9"})
    with LiveServer(down) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        for name, query in DOWN_QUERIES.items():
            response = client.post("/graphql", json={"query": query})
            assert response.status_code == 503, (name, response.text)
            errors = response.json()["errors"]
            assert errors, name
            assert {e["extensions"]["code"] for e in errors} == {"SERVICE_UNAVAILABLE"}, name
            assert "Traceback" not in response.text
