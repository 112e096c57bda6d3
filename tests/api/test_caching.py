"""Responses are cached by knowledge-base version; a load invalidates them."""

from pathlib import Path

import httpx
from neo4j import Driver

from loaders.pipeline import load
from smekg.settings import Settings
from tests.conftest import EXAMPLES, make_layout

QUERY = {"query": "{ themes { id label } }"}


def test_etag_304_and_cache_hit(loaded_db: Driver, client: httpx.Client) -> None:
    first = client.post("/graphql", json=QUERY)
    etag = first.headers["etag"]
    again = client.post("/graphql", json=QUERY)
    assert again.headers["x-cache"] == "hit"
    assert again.json() == first.json()
    assert client.post("/graphql", json=QUERY, headers={"If-None-Match": etag}).status_code == 304


def test_a_load_invalidates_the_cache(
    loaded_db: Driver, client: httpx.Client, settings: Settings, tmp_path: Path
) -> None:
    before = client.post("/graphql", json=QUERY)
    load(
        make_layout(tmp_path, EXAMPLES / "valid" / "minimal-table.ttl"),
        loaded_db,
        settings.neo4j_database,
    )
    after = client.post("/graphql", json=QUERY)
    assert after.headers["etag"] != before.headers["etag"]
    assert after.headers["x-cache"] == "miss"
    assert [t["label"] for t in after.json()["data"]["themes"]] == ["Timing"]
