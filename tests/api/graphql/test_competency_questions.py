"""Each competency question (shared/competency-questions.md) as one GraphQL request over HTTP.

Assertions are written for the class of question, over every theme / perspective / factor
the knowledge base has, with the seed's expected answers as spot checks.
"""

import json
from typing import Any

import httpx
import pytest
from neo4j import Driver

from tests.conftest import ROOT, graphql

KB = "https://w3id.org/sme-intl-kg/kb/"
TABLE1 = json.loads((ROOT / "tests" / "expected" / "table1.json").read_text(encoding="utf-8"))
REVIEW_COLUMNS = [c["id"] for c in TABLE1["columns"]]


def data(client: httpx.Client, query: str, **variables: Any) -> dict[str, Any]:
    body = graphql(client, query, **variables)
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]  # type: ignore[assignment]
    return result


def test_q1_perspectives_grouped_into_families_and_aligned(
    loaded_db: Driver, client: httpx.Client
) -> None:
    rows = data(
        client,
        "{ perspectives { id label family { label } alignedWith { kind perspective { id } } } }",
    )["perspectives"]
    families = {p["id"]: (p["family"] or {}).get("label") for p in rows}
    assert {families[c["id"]] for c in TABLE1["columns"]} == {
        "Traditional internationalization theories",
        "International entrepreneurship theories",
    }
    for column in TABLE1["columns"]:
        assert families[column["id"]] == column["family"]
    panel = ["persp-process-stage", "persp-network", "persp-bg-inv", "persp-rbv", "persp-ie"]
    by_id = {p["id"]: p for p in rows}
    for local in panel:
        targets = {a["perspective"]["id"] for a in by_id[KB + local]["alignedWith"]}
        assert targets & set(REVIEW_COLUMNS), f"{local} is aligned to no review perspective"
    assert {"closeMatch"} <= {
        a["kind"]
        for a in by_id[KB + "persp-process-stage"]["alignedWith"]
        if a["perspective"]["id"] == KB + "persp-stage"
    }


@pytest.mark.parametrize(
    "row", TABLE1["rows"], ids=[r["id"].rsplit("/", 1)[1] for r in TABLE1["rows"]]
)
def test_q2_what_each_perspective_predicts_on_a_theme(
    loaded_db: Driver, client: httpx.Client, row: dict[str, Any]
) -> None:
    predictions = data(
        client,
        "query($t: ID) { predictions(theme: $t) { text stance perspective { id } } }",
        t=row["id"],
    )["predictions"]
    texts = {p["perspective"]["id"]: p["text"] for p in predictions}
    assert {c: texts[c] for c in REVIEW_COLUMNS} == dict(
        zip(REVIEW_COLUMNS, row["cells"], strict=True)
    )


def test_q3_which_perspectives_say_yes_or_depends_on_performance(
    loaded_db: Driver, client: httpx.Client
) -> None:
    query = (
        'query($s: Stance) { predictions(theme: "%s", stance: $s) '
        "{ perspective { id } conditions } }"
    )
    yes = data(client, query % (KB + "theme-7"), s="YES")["predictions"]
    depends = data(client, query % (KB + "theme-7"), s="DEPENDS")["predictions"]
    assert {p["perspective"]["id"] for p in yes} == {
        KB + "persp-stage",
        KB + "persp-learning-knowledge",
    }
    assert {p["perspective"]["id"] for p in depends} == {
        KB + "persp-internalization-tc",
        KB + "persp-strategic-choice",
        KB + "persp-rbv-network",
    }
    assert sorted(tuple(p["conditions"]) for p in depends) == [
        (),
        ("motivation",),
        ("transaction costs",),
    ]


@pytest.mark.parametrize("name", ["Uppsala", "born global", "INV", "RBV", "BG"])
def test_q4_find_perspectives_by_any_name(
    loaded_db: Driver, client: httpx.Client, name: str
) -> None:
    hits = data(
        client,
        "query($t: String!) { search(text: $t, first: 5) { kind node { "
        "... on Perspective { id label altLabels } } } }",
        t=name,
    )["search"]
    perspectives = [h["node"] for h in hits if h["kind"] == "Perspective"]
    assert perspectives, f"no perspective found for {name!r}"

    def names(p: dict[str, Any]) -> str:
        return " | ".join([p["label"], *p["altLabels"]]).lower().replace("-", " ")

    assert any(name.lower() in names(p) for p in perspectives), perspectives


def test_q4_every_alias_finds_its_perspective(loaded_db: Driver, client: httpx.Client) -> None:
    rows = data(client, "{ perspectives { id altLabels } }")["perspectives"]
    for perspective in rows:
        for alias in perspective["altLabels"]:
            hits = data(
                client, "query($t: String!) { search(text: $t, first: 10) { id } }", t=alias
            )
            assert perspective["id"] in [h["id"] for h in hits["search"]], alias


CHAIN = """query($p: ID!) { evidenceChain(prediction: $p) {
  prediction { id text } documents { id }
  findings { relation basis finding { summary sample country
    studies { id authors year } source { quote locator document { id } } } } } }"""


def test_q5_studies_on_performance_with_their_relation(
    loaded_db: Driver, client: httpx.Client
) -> None:
    chain = data(client, CHAIN, p=KB + "pred-stage-7")["evidenceChain"]
    by_study: dict[tuple[str, int], set[str]] = {}
    for item in chain["findings"]:
        for study in item["finding"]["studies"]:
            by_study.setdefault((study["authors"], study["year"]), set()).add(item["relation"])
    assert "SUPPORTS" in by_study[("McDougall and Oviatt", 1996)]
    assert "MIXED" in by_study[("Burgel et al.", 2001)]
    assert "CONTRADICTS" in by_study[("Lu and Beamish", 2001)]


def test_q6_every_prediction_traces_to_studies_and_quoted_words(
    loaded_db: Driver, client: httpx.Client
) -> None:
    ids = [p["id"] for p in data(client, "{ predictions { id } }")["predictions"]]
    assert len(ids) == 45
    traced = set()
    for prediction in ids:
        chain = data(client, CHAIN, p=prediction)["evidenceChain"]
        assert chain["prediction"]["id"] == prediction
        assert chain["documents"]
        for item in chain["findings"]:
            finding = item["finding"]
            assert finding["studies"]
            assert finding["source"]["quote"]
            assert finding["source"]["locator"]
            assert finding["source"]["document"]["id"]
            if item["basis"] == "PREDICTION":
                traced.add(prediction)
    # every one of them reaches studies and quoted words through a finding of its own
    assert sorted(traced) == sorted(ids)


def test_q7_works_cited_by_both_documents(loaded_db: Driver, client: httpx.Client) -> None:
    both = [KB + "doc-wright2007", KB + "doc-chesenik"]
    page = data(
        client,
        "query($d: [ID!]) { studies(citedByAll: $d, first: 100) { totalCount "
        "edges { node { id citedBy { document { id } citedAs } } } } }",
        d=both,
    )["studies"]
    assert page["totalCount"] >= 11
    for edge in page["edges"]:
        assert {c["document"]["id"] for c in edge["node"]["citedBy"]} == set(both)
    assert KB + "work-johanson1977" in {e["node"]["id"] for e in page["edges"]}


def test_q8_what_a_study_found_on_which_sample_where(
    loaded_db: Driver, client: httpx.Client
) -> None:
    study = data(
        client,
        "query($id: ID!) { study(id: $id) { authors year findings { summary sample country } } }",
        id=KB + "work-westhead2004a",
    )["study"]
    samples = [f["sample"] or "" for f in study["findings"]]
    assert any("377" in s and "UK" in s for s in samples), samples
    assert any(
        "manufacturing" in f["summary"].lower() and "younger" in f["summary"].lower()
        for f in study["findings"]
    )


CATEGORIES = """query($f: ID, $m: Float) { categories(factor: $f, minShare: $m) {
  label share sampleSize items { label } factor { id } group { label } } }"""


def test_q9_triggers_and_how_many_experts_named_each(
    loaded_db: Driver, client: httpx.Client
) -> None:
    rows = data(client, CATEGORIES, f=KB + "factor-triggering")["categories"]
    assert {r["label"]: r["share"] for r in rows} == {
        "Domestic conditions": 0.75,
        "Globalization force": 0.75,
        "Market demands": 0.69,
        "Resource seeking": 0.5,
    }
    assert all(r["sampleSize"] == 32 and r["items"] for r in rows)


def test_q10_barriers_named_by_at_least_60_percent(loaded_db: Driver, client: httpx.Client) -> None:
    every = data(client, CATEGORIES, f=KB + "factor-barriers")["categories"]
    at_least = data(client, CATEGORIES, f=KB + "factor-barriers", m=0.6)["categories"]
    assert {r["label"] for r in at_least} == {r["label"] for r in every if r["share"] >= 0.6}
    assert {r["label"] for r in at_least} == {
        "Lack of resources",
        "Financial constraints",
        "Entrepreneurs/ Managers attitudes",
    }


def test_q11_who_was_on_the_panel(loaded_db: Driver, client: httpx.Client) -> None:
    panel = data(client, "{ expertPanels { size groups { label kind count source { quote } } } }")
    (only,) = panel["expertPanels"]
    categories = [g for g in only["groups"] if g["kind"] == "expert category"]
    assert only["size"] == 32
    assert sum(g["count"] for g in categories) == 32
    assert all(g["source"]["quote"] for g in only["groups"])


def test_q14_where_a_source_disagrees_with_itself(loaded_db: Driver, client: httpx.Client) -> None:
    notes = data(
        client,
        "{ qualityNotes { kind summary concerns { id } sides { quote locator document { id } } } }",
    )
    assert notes["qualityNotes"]
    for note in notes["qualityNotes"]:
        assert len(note["sides"]) >= 2
        assert note["concerns"]
    assert any(
        n["kind"] == "PROSE_VS_TABLE" and any("Table 6" in s["locator"] for s in n["sides"])
        for n in notes["qualityNotes"]
    )
    panel_only = data(
        client,
        "query($d: ID) { qualityNotes(document: $d) { sides { document { id } } } }",
        d=KB + "doc-chesenik",
    )["qualityNotes"]
    assert panel_only
    assert all(
        any(s["document"]["id"] == KB + "doc-chesenik" for s in n["sides"]) for n in panel_only
    )


def test_q15_stances_are_marked_as_the_projects_interpretation(
    loaded_db: Driver, client: httpx.Client
) -> None:
    rows = data(client, "{ predictions { text stance interpretedBy { id } source { quote } } }")
    assert len(rows["predictions"]) == 45
    for p in rows["predictions"]:
        assert p["interpretedBy"]["id"] == KB + "project"
        assert p["source"]["quote"]
