"""Responses are cached by knowledge-base version; a load invalidates them.

The version is re-read at most once per ``smekg_version_ttl`` seconds: with 0 every request
sees a finished load at once; with a long TTL a hit costs no database query at all.
"""

from pathlib import Path

import httpx
from neo4j import Driver

from api.live_server import LiveServer
from loaders.pipeline import load
from smekg.settings import Settings
from tests.conftest import EXAMPLES, make_layout

QUERY = {"query": "{ themes { id label } }"}


def test_etag_304_and_cache_hit(loaded_db: Driver, settings: Settings) -> None:
    """A server of its own: the session's shared one may hold the answer from another test."""
    with LiveServer(settings) as server, httpx.Client(base_url=server.url) as client:
        _hit_then_304(client)


def _hit_then_304(client: httpx.Client) -> None:
    first = client.post("/graphql", json=QUERY)
    assert first.headers["x-cache"] == "miss"
    etag = first.headers["etag"]
    again = client.post("/graphql", json=QUERY)
    assert again.headers["x-cache"] == "hit"
    assert again.headers["etag"] == etag
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.json() == first.json()
    assert client.post("/graphql", json=QUERY, headers={"If-None-Match": etag}).status_code == 304


def test_errors_are_not_cached(loaded_db: Driver, client: httpx.Client) -> None:
    bad = {"query": '{ perspective(id: "https://w3id.org/sme-intl-kg/kb/nope") { label } }'}
    assert "errors" in client.post("/graphql", json=bad).json()
    assert client.post("/graphql", json=bad).headers.get("x-cache") != "hit"


def _reload_minimal(driver: Driver, settings: Settings, tmp_path: Path) -> None:
    layout = make_layout(tmp_path, EXAMPLES / "valid" / "minimal-table.ttl")
    load(layout, driver, settings.neo4j_database)


def test_a_load_invalidates_the_cache(
    loaded_db: Driver, settings: Settings, tmp_path: Path
) -> None:
    config = settings.model_copy(update={"smekg_version_ttl": 0.0})
    with LiveServer(config) as server, httpx.Client(base_url=server.url) as client:
        before = client.post("/graphql", json=QUERY)
        _reload_minimal(loaded_db, settings, tmp_path)
        after = client.post("/graphql", json=QUERY)
    assert after.headers["etag"] != before.headers["etag"]
    assert after.headers["x-cache"] == "miss"
    assert [t["label"] for t in after.json()["data"]["themes"]] == ["Timing"]


def test_hits_within_the_version_ttl_query_nothing(
    loaded_db: Driver, settings: Settings, tmp_path: Path
) -> None:
    config = settings.model_copy(update={"smekg_version_ttl": 3600.0})
    with LiveServer(config) as server, httpx.Client(base_url=server.url) as client:
        first = client.post("/graphql", json=QUERY)
        queries = server.queries_run
        hits = [client.post("/graphql", json=QUERY) for _ in range(5)]
        assert server.queries_run == queries
        assert {h.headers["x-cache"] for h in hits} == {"hit"}
        _reload_minimal(loaded_db, settings, tmp_path)
        stale = client.post("/graphql", json=QUERY)
    # Within the TTL the previous version's answer is still served, by design.
    assert stale.json() == first.json()
    assert stale.headers["x-cache"] == "hit"
