"""Triangulation over HTTP: for every perspective of the review, this project's links to the
panel's factors and categories, with both sides' words and the reading marked as the project's;
the filters; unknown ids. And what a finding says of itself: its kind and its hedge."""

from typing import Any

import httpx
from neo4j import Driver

from tests.conftest import graphql

KB = "https://w3id.org/sme-intl-kg/kb/"
LINKS = """query($p: ID, $t: ID, $f: ID) {
  triangulation(perspective: $p, theme: $t, factor: $f) {
    id agreement summary rationale interpretedBy { id }
    literature { perspective { id } theme { id }
      predictions { id stance evidence { supports contradicts qualifies mixed } }
      sources { document { id } quote } }
    panel { factor { id label } categories { id share sampleSize }
      sources { document { id } quote } } } }"""
REVIEW_PERSPECTIVES = """{
  traditional: perspectives(family: "https://w3id.org/sme-intl-kg/kb/family-traditional") { id }
  ie: perspectives(family: "https://w3id.org/sme-intl-kg/kb/family-ie") { id } }"""


def _links(client: httpx.Client, **filters: str) -> list[dict[str, Any]]:
    body = graphql(client, LINKS, **filters)
    assert "errors" not in body, body
    links: list[dict[str, Any]] = body["data"]["triangulation"]  # type: ignore[index]
    return links


def test_every_perspective_of_the_review_answers(loaded_db: Driver, client: httpx.Client) -> None:
    families: dict[str, list[dict[str, str]]] = graphql(client, REVIEW_PERSPECTIVES)["data"]  # type: ignore[assignment]
    review = [p["id"] for family in families.values() for p in family]
    assert len(review) == 5
    for perspective in review:
        links = _links(client, p=perspective)
        assert links, perspective
        for link in links:
            assert link["literature"]["perspective"] == {"id": perspective}
            assert link["interpretedBy"] == {"id": KB + "project"}
            assert link["rationale"]
            assert {s["document"]["id"] for s in link["literature"]["sources"]} == {
                KB + "doc-wright2007"
            }
            assert {s["document"]["id"] for s in link["panel"]["sources"]} == {KB + "doc-chesenik"}


def test_one_link_whole(loaded_db: Driver, client: httpx.Client) -> None:
    links = _links(client, p=KB + "persp-stage", t=KB + "theme-3")
    assert links == [
        {
            "id": KB + "tri-stage-entry-modes",
            "agreement": "AGREE",
            "summary": links[0]["summary"],
            "rationale": links[0]["rationale"],
            "interpretedBy": {"id": KB + "project"},
            "literature": {
                "perspective": {"id": KB + "persp-stage"},
                "theme": {"id": KB + "theme-3"},
                "predictions": [
                    {
                        "id": KB + "pred-stage-3",
                        "stance": "NO",
                        "evidence": {"supports": 0, "contradicts": 0, "qualifies": 0, "mixed": 0},
                    }
                ],
                "sources": [
                    {
                        "document": {"id": KB + "doc-wright2007"},
                        "quote": "Firms move from low to high control modes as they develop "
                        "experience and commitment",
                    }
                ],
            },
            "panel": {
                "factor": {
                    "id": KB + "factor-operations",
                    "label": "operations for internationalization",
                },
                "categories": [
                    {
                        "id": KB + "cat-operations-cooperative-arrangements",
                        "share": 0.56,
                        "sampleSize": 32,
                    },
                    {"id": KB + "cat-operations-exporting", "share": 0.75, "sampleSize": 32},
                ],
                "sources": [
                    {
                        "document": {"id": KB + "doc-chesenik"},
                        "quote": "This suggests an application of a low commitment or conventional "
                        "approach to internationalization, which fits the Uppsala model",
                    }
                ],
            },
        }
    ]
    assert "Uppsala" in links[0]["summary"]


def test_filters(loaded_db: Driver, client: httpx.Client) -> None:
    every = _links(client)
    assert {link["agreement"] for link in every} == {"AGREE", "DISAGREE", "SPEAK_PAST"}
    barriers = _links(client, f=KB + "factor-barriers")
    assert [(b["id"], b["agreement"]) for b in barriers] == [
        (KB + "tri-stage-psychic-distance", "DISAGREE")
    ]
    assert barriers[0]["panel"]["categories"] == [
        {"id": KB + "cat-barriers-psychic-distance", "share": 0.25, "sampleSize": 32}
    ]
    # No theme: the perspective's predictions, in Table 1's row order.
    stage = [p["id"] for p in barriers[0]["literature"]["predictions"]]
    assert stage[:3] == [KB + "pred-stage-1", KB + "pred-stage-2", KB + "pred-stage-3"]
    assert len(stage) == 9
    # No perspective: the theme's predictions, in Table 1's column order.
    performance = _links(client, t=KB + "theme-7")
    unnamed = [link for link in performance if link["literature"]["perspective"] is None]
    assert [p["id"] for p in unnamed[0]["literature"]["predictions"]] == [
        KB + f"pred-{slug}-7"
        for slug in (
            "stage",
            "internalization-tc",
            "strategic-choice",
            "learning-knowledge",
            "rbv-network",
        )
    ]
    both = _links(client, p=KB + "persp-rbv-network", f=KB + "factor-networking")
    assert [link["id"] for link in both] == [KB + "tri-rbv-network-networking"]
    assert len(every) >= len({link["id"] for link in every}) >= 10


def test_unknown_and_unlinked_ids(loaded_db: Driver, client: httpx.Client) -> None:
    body = graphql(client, LINKS, p=KB + "persp-nowhere", f=KB + "factor-networking")
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"  # type: ignore[index]
    assert KB + "persp-nowhere" in body["errors"][0]["message"]  # type: ignore[index]
    assert KB + "factor-networking" not in body["errors"][0]["message"]  # type: ignore[index]
    assert _links(client, p=KB + "persp-network") == []  # the panel's own perspective


FINDINGS = """query($id: ID!) { study(id: $id) {
  findings { id findingKind modality hedgeNote attributionNote summary } } }"""


def _findings(client: httpx.Client, work: str) -> dict[str, dict[str, Any]]:
    body = graphql(client, FINDINGS, id=KB + work)
    assert "errors" not in body, body
    found = body["data"]["study"]["findings"]  # type: ignore[index]
    return {f["id"].removeprefix(KB): f for f in found}


def test_a_finding_says_its_kind_and_hedge(loaded_db: Driver, client: httpx.Client) -> None:
    sitkin = _findings(client, "work-sitkin1992")["finding-sitkin1992-1"]
    assert (sitkin["findingKind"], sitkin["modality"], sitkin["hedgeNote"]) == (
        "ARGUED_CLAIM",
        "asserts",
        None,
    )
    burgel = _findings(client, "work-burgel2001")["finding-burgel2001-1"]
    assert (burgel["findingKind"], burgel["modality"]) == ("EMPIRICAL_RESULT", None)
    miti = _findings(client, "work-miti2009")["finding-miti2009-1"]
    assert miti["findingKind"] == "STATISTIC"
    bell = _findings(client, "work-bell2004")["finding-bell2004-2"]
    assert bell["modality"] is None
    assert bell["hedgeNote"].startswith("'suggest' reports what stage model theorists hold")
