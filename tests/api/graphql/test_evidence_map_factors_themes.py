"""Fields the competency tests did not reach: the evidence map (agreeing with every evidence
chain), the evidence basis, the factors and one theme by id."""

import httpx
from neo4j import Driver

from tests.conftest import graphql

KB = "https://w3id.org/sme-intl-kg/kb/"
RELATIONS = {"SUPPORTS": "supports", "CONTRADICTS": "contradicts", "QUALIFIES": "qualifies"}
RELATIONS["MIXED"] = "mixed"
CHAIN = """query($p: ID!) { evidenceChain(prediction: $p) {
  prediction { theme { id } }
  findings { relation basis finding { id themes { id } studies { id } } } } }"""
MAP = """{ evidenceMap { perspective { id } theme { id } predictionId
  supports contradicts qualifies mixed
  s: studies(relation: SUPPORTS) { id } c: studies(relation: CONTRADICTS) { id }
  q: studies(relation: QUALIFIES) { id } m: studies(relation: MIXED) { id } } }"""


def _data(client: httpx.Client, query: str, **variables: object) -> dict[str, object]:
    body = graphql(client, query, **variables)
    assert "errors" not in body, body
    data = body["data"]
    assert isinstance(data, dict)
    return data


def test_the_evidence_map_counts_what_every_chain_traces(
    loaded_db: Driver, client: httpx.Client
) -> None:
    cells = _data(client, MAP)["evidenceMap"]
    assert isinstance(cells, list)
    assert len(cells) == 45
    assert sum(c["supports"] + c["contradicts"] + c["qualifies"] + c["mixed"] for c in cells) > 45
    for cell in cells:
        chain = _data(client, CHAIN, p=cell["predictionId"])["evidenceChain"]
        assert isinstance(chain, dict)
        assert chain["prediction"]["theme"]["id"] == cell["theme"]["id"]
        linked = [i for i in chain["findings"] if i["basis"] == "PREDICTION"]
        for relation, field in RELATIONS.items():
            mine = [i for i in linked if i["relation"] == relation]
            assert cell[field] == len(mine), (cell["predictionId"], relation)
            studies = {s["id"] for i in mine for s in i["finding"]["studies"]}
            alias = field[0]
            assert {s["id"] for s in cell[alias]} == studies, (cell["predictionId"], relation)


def test_evidence_basis_says_why_a_finding_is_in_a_chain(
    loaded_db: Driver, client: httpx.Client
) -> None:
    chain = _data(client, CHAIN, p=KB + "pred-stage-7")["evidenceChain"]
    assert isinstance(chain, dict)
    bases = [item["basis"] for item in chain["findings"]]
    assert set(bases) == {"PREDICTION", "THEME"}
    assert bases == sorted(bases, key=["PREDICTION", "THEME"].index)  # linked ones first
    theme = chain["prediction"]["theme"]["id"]
    for item in chain["findings"]:
        if item["basis"] == "PREDICTION":
            assert item["relation"] in RELATIONS
        else:
            assert theme in {t["id"] for t in item["finding"]["themes"]}


def test_factors_are_the_panels_six_with_their_categories(
    loaded_db: Driver, client: httpx.Client
) -> None:
    factors = _data(
        client, "{ factors { id label order sources { quote } categories { id label share } } }"
    )["factors"]
    assert isinstance(factors, list)
    assert len(factors) == 6
    assert [f["order"] for f in factors] == sorted(f["order"] for f in factors)
    assert KB + "factor-triggering" in {f["id"] for f in factors}
    for factor in factors:
        assert factor["label"]
        assert all(s["quote"] for s in factor["sources"])
        assert factor["categories"], factor["id"]
        categories = _data(
            client, "query($f: ID) { categories(factor: $f) { id } }", f=factor["id"]
        )["categories"]
        assert isinstance(categories, list)
        assert {c["id"] for c in categories} == {c["id"] for c in factor["categories"]}


def test_one_theme_by_id_is_the_theme_of_the_list(loaded_db: Driver, client: httpx.Client) -> None:
    themes = _data(client, "{ themes { id label proposition number order } }")["themes"]
    assert isinstance(themes, list)
    assert len(themes) == 7
    for theme in themes:
        one = _data(
            client,
            "query($t: ID!) { theme(id: $t) { id label proposition number order } }",
            t=theme["id"],
        )["theme"]
        assert one == theme
    missing = graphql(client, 'query { theme(id: "' + KB + 'theme-99") { id } }')
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"  # type: ignore[index]
