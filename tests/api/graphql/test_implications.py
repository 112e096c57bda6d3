"""Implications by kind, theme and factor, each with its words."""

import httpx
from neo4j import Driver

from tests.conftest import graphql

KB = "https://w3id.org/sme-intl-kg/kb/"
QUERY = """query($k: ImplicationKind, $t: ID, $f: ID, $d: ID) {
  implications(kind: $k, theme: $t, factor: $f, document: $d) {
    kind summary themes { id } factors { id } source { quote document { id } } } }"""


def test_filters_and_sources(loaded_db: Driver, client: httpx.Client) -> None:
    every = graphql(client, QUERY)["data"]["implications"]  # type: ignore[index]
    assert {i["kind"] for i in every} == {"POLICY", "RESEARCH", "PRACTICE"}
    assert all(i["source"]["quote"] for i in every)
    on_theme = graphql(client, QUERY, k="POLICY", t=KB + "theme-1")["data"]["implications"]  # type: ignore[index]
    assert on_theme
    assert all(
        i["kind"] == "POLICY" and KB + "theme-1" in {t["id"] for t in i["themes"]} for i in on_theme
    )
    panel = graphql(client, QUERY, d=KB + "doc-chesenik")["data"]["implications"]  # type: ignore[index]
    assert {i["source"]["document"]["id"] for i in panel} == {KB + "doc-chesenik"}


def test_unknown_filter_is_not_found(loaded_db: Driver, client: httpx.Client) -> None:
    body = graphql(client, QUERY, t=KB + "theme-99")
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"  # type: ignore[index]
