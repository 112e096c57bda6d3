"""comparisonTable over HTTP reproduces the review's Table 1, and any subset in any order."""

import json
from typing import Any

import httpx
from neo4j import Driver

from tests.conftest import ROOT, graphql

EXPECTED = json.loads((ROOT / "tests" / "expected" / "table1.json").read_text(encoding="utf-8"))

TABLE = """
query Table($perspectives: [ID!], $themes: [ID!]) {
  comparisonTable(perspectives: $perspectives, themes: $themes) {
    columns { id label family { label } representativeArticles { text source { quote } } }
    rows { theme { id proposition }
           cells { text stance interpretedBy { id }
                   source { quote locator document { id } } } }
    footnotes { text attachedTo source { quote } }
  }
}
"""


def _table(client: httpx.Client, **variables: Any) -> dict[str, Any]:
    body = graphql(client, TABLE, **variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]  # type: ignore[assignment]
    return data["comparisonTable"]  # type: ignore[no-any-return]


def test_default_table_is_table_1_cell_by_cell(loaded_db: Driver, client: httpx.Client) -> None:
    table = _table(client)
    assert [
        {"id": c["id"], "label": c["label"], "family": c["family"]["label"]}
        for c in table["columns"]
    ] == EXPECTED["columns"]
    assert [c["representativeArticles"]["text"] for c in table["columns"]] == EXPECTED[
        "representativeArticles"
    ]
    assert [
        {
            "id": r["theme"]["id"],
            "proposition": r["theme"]["proposition"],
            "cells": [cell["text"] for cell in r["cells"]],
        }
        for r in table["rows"]
    ] == EXPECTED["rows"]
    assert [f["text"] for f in table["footnotes"]] == [EXPECTED["footnote"]]


def test_every_cell_has_a_source_and_blank_cells_are_not_addressed(
    loaded_db: Driver, client: httpx.Client
) -> None:
    table = _table(client)
    for row in table["rows"]:
        for cell in row["cells"]:
            assert cell["source"]["document"]["id"].endswith("/doc-wright2007")
            assert cell["source"]["quote"]
            assert cell["interpretedBy"]["id"].endswith("/project")
            assert (cell["text"] == "") == (cell["stance"] == "NOT_ADDRESSED")
    blanks = sum(cell["text"] == "" for row in table["rows"] for cell in row["cells"])
    assert blanks == sum(cell == "" for row in EXPECTED["rows"] for cell in row["cells"])


def test_subset_in_request_order(loaded_db: Driver, client: httpx.Client) -> None:
    columns = [EXPECTED["columns"][4]["id"], EXPECTED["columns"][0]["id"]]
    rows = [EXPECTED["rows"][6]["id"], EXPECTED["rows"][0]["id"]]
    table = _table(client, perspectives=columns, themes=rows)
    assert [c["id"] for c in table["columns"]] == columns
    assert [r["theme"]["id"] for r in table["rows"]] == rows
    assert [[c["text"] for c in r["cells"]] for r in table["rows"]] == [
        [EXPECTED["rows"][6]["cells"][4], EXPECTED["rows"][6]["cells"][0]],
        [EXPECTED["rows"][0]["cells"][4], EXPECTED["rows"][0]["cells"][0]],
    ]


def test_unknown_id_is_an_error_with_a_code(loaded_db: Driver, client: httpx.Client) -> None:
    body = graphql(client, TABLE, perspectives=["https://w3id.org/sme-intl-kg/kb/persp-nope"])
    errors: list[dict[str, Any]] = body["errors"]  # type: ignore[assignment]
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"
    assert "persp-nope" in errors[0]["message"]
