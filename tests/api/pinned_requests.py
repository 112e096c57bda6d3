"""Every request whose answer is pinned by `test_pinned_answers.py`: the competency questions
(as `test_competency_questions.py` asks them), the README's requests, the GraphiQL examples,
the benchmark's requests and the unknown-id errors. Names are stable keys into
tests/expected/answers/.
"""

import json
import re
from dataclasses import dataclass, field
from typing import Any

from tests.conftest import ROOT

KB = "https://w3id.org/sme-intl-kg/kb/"
TABLE1 = json.loads((ROOT / "tests" / "expected" / "table1.json").read_text(encoding="utf-8"))
THEMES = [r["id"] for r in TABLE1["rows"]]


@dataclass(frozen=True)
class GraphQLRequest:
    query: str
    variables: dict[str, Any] = field(default_factory=dict)
    operation: str | None = None


@dataclass(frozen=True)
class RestRequest:
    path: str
    params: dict[str, list[str]] = field(default_factory=dict)
    accept: str | None = None


Request = GraphQLRequest | RestRequest

CHAIN = """query($p: ID!) { evidenceChain(prediction: $p) {
  prediction { id text } documents { id }
  findings { relation basis finding { summary sample country
    studies { id authors year } source { quote locator document { id } } } } } }"""
CATEGORIES = """query($f: ID, $m: Float) { categories(factor: $f, minShare: $m) {
  label share sampleSize items { label } factor { id } group { label } } }"""
SEARCH = (
    "query($t: String!) { search(text: $t, first: 5) { kind node { "
    "... on Perspective { id label altLabels } } } }"
)
STANCE_ON_7 = (
    f'query($s: Stance) {{ predictions(theme: "{KB}theme-7", stance: $s) '
    "{ perspective { id } conditions } }"
)
TABLE = """query Table($perspectives: [ID!], $themes: [ID!]) {
  comparisonTable(perspectives: $perspectives, themes: $themes) {
    columns { id label family { label } representativeArticles { text source { quote } } }
    rows { theme { id proposition }
           cells { text stance interpretedBy { id }
                   source { quote locator document { id } } } }
    footnotes { text attachedTo source { quote } }
  }
}"""
BENCH = {
    "bench_comparison_table": (
        f"{{ comparisonTable(perspectives: {json.dumps([c['id'] for c in TABLE1['columns']])},"
        f" themes: {json.dumps(THEMES)})"
        " { columns { label family { label } } rows { theme { proposition }"
        " cells { text stance source { locator quote } } } footnotes { text } } }"
    ),
    "bench_predictions_theme_1": (
        f'{{ predictions(theme: "{KB}theme-1") {{ perspective {{ label }} text stance'
        " conditions source { quote } } }"
    ),
    "bench_evidence_chain": (
        f'{{ evidenceChain(prediction: "{KB}pred-stage-7") {{ prediction {{ text }}'
        " documents { title } findings { relation basis finding { summary"
        " studies { authors year title venue } source { document { title } section locator"
        " quote } } } } }"
    ),
    "bench_study": (
        f'{{ study(id: "{KB}work-westhead2004a") {{ authors year findings {{ summary sample'
        " country sector method source { quote } } } }"
    ),
    "bench_categories": (
        f'{{ categories(factor: "{KB}factor-triggering") {{ label share sampleSize'
        " items { label } source { quote } } }"
    ),
}
# The README's table of competency requests ("KB" written out).
README = {
    "readme_q1": "{ perspectives { label family { label } alignedWith { kind rationale "
    "perspective { label } } } }",
    "readme_q2": f'{{ predictions(theme: "{KB}theme-1") {{ perspective {{ label }} text stance '
    "conditions source { quote } } }",
    "readme_q3_yes": f'{{ predictions(theme: "{KB}theme-7", stance: YES) '
    "{ perspective { label } } }",
    "readme_q3_depends": f'{{ predictions(theme: "{KB}theme-7", stance: DEPENDS) '
    "{ perspective { label } } }",
    "readme_q4": '{ search(text: "born global") { kind label node { ... on Perspective '
    "{ id label altLabels } } } }",
    "readme_q5": f'{{ evidenceChain(prediction: "{KB}pred-stage-7") {{ findings {{ relation '
    "finding { summary studies { authors year } } } } }",
    "readme_q6": f'{{ evidenceChain(prediction: "{KB}pred-learning-knowledge-1") {{ prediction '
    "{ text } documents { title } findings { relation basis finding { summary studies "
    "{ authors year title venue } source { document { title } section locator quote } } } } }",
    "readme_q7": f'{{ studies(citedByAll: ["{KB}doc-wright2007", "{KB}doc-chesenik"]) '
    "{ totalCount edges { node { authors year citedBy { document { label } citedAs } } } } }",
    "readme_q8": f'{{ study(id: "{KB}work-westhead2004a") {{ authors year findings {{ summary '
    "sample country sector method source { quote } } } }",
    "readme_q9": f'{{ categories(factor: "{KB}factor-triggering") {{ label share sampleSize '
    "items { label } source { quote } } }",
    "readme_q10": f'{{ categories(factor: "{KB}factor-barriers", minShare: 0.6) {{ label share '
    "reportedFigures { share source { quote } } } }",
    "readme_q11": "{ expertPanels { size selection method groups { label kind count "
    "source { quote } } } }",
    "readme_q12": "{ comparisonTable { columns { label representativeArticles { text } } rows "
    "{ theme { proposition } cells { text stance } } footnotes { text } } }",
    "readme_q14": f'{{ qualityNotes(document: "{KB}doc-chesenik") {{ kind summary sides '
    "{ locator quote } } }",
    "readme_q15": "{ predictions { text stance interpretedBy { label } rationale } }",
    "readme_implications": f'{{ implications(kind: POLICY, theme: "{KB}theme-1") {{ label '
    "summary source { quote } } }",
    "readme_table1": "{ comparisonTable { columns { label family { label } } rows { theme "
    "{ proposition } cells { text stance source { locator quote } } } footnotes { text } } }",
    "readme_table_subset": f'{{ comparisonTable(perspectives: ["{KB}persp-learning-knowledge", '
    f'"{KB}persp-stage"] themes: ["{KB}theme-7"]) {{ rows {{ cells {{ perspective {{ label }} '
    "text stance conditions } } } }",
}
UNKNOWN_IDS = {
    "unknown_perspective": f'{{ perspective(id: "{KB}nope") {{ id }} }}',
    "unknown_study": f'{{ study(id: "{KB}nope") {{ id }} }}',
    "unknown_chain": f'{{ evidenceChain(prediction: "{KB}nope") {{ prediction {{ id }} }} }}',
    "unknown_theme_filter": f'{{ predictions(theme: "{KB}nope") {{ id }} }}',
    "unknown_factor": f'{{ categories(factor: "{KB}nope") {{ id }} }}',
    "unknown_family": f'{{ perspectives(family: "{KB}nope") {{ id }} }}',
    "unknown_document": f'{{ qualityNotes(document: "{KB}nope") {{ id }} }}',
    "unknown_table_column": '{ comparisonTable(perspectives: ["' + KB + 'persp-nope"]) '
    "{ columns { id } } }",
}
SUBSET = {
    "perspective": [f"{KB}persp-learning-knowledge", f"{KB}persp-stage"],
    "theme": [f"{KB}theme-7"],
}


def _competency() -> dict[str, Request]:
    requests: dict[str, Request] = {
        "q1_perspectives": GraphQLRequest(
            "{ perspectives { id label family { label } alignedWith { kind perspective { id } } } }"
        ),
        "q3_yes": GraphQLRequest(STANCE_ON_7, {"s": "YES"}),
        "q3_depends": GraphQLRequest(STANCE_ON_7, {"s": "DEPENDS"}),
        "q4_aliases": GraphQLRequest("{ perspectives { id altLabels } }"),
        "q6_prediction_ids": GraphQLRequest("{ predictions { id } }"),
        "q7_cited_by_both": GraphQLRequest(
            "query($d: [ID!]) { studies(citedByAll: $d, first: 100) { totalCount "
            "edges { node { id citedBy { document { id } citedAs } } } } }",
            {"d": [f"{KB}doc-wright2007", f"{KB}doc-chesenik"]},
        ),
        "q8_study": GraphQLRequest(
            "query($id: ID!) { study(id: $id) { authors year findings { summary sample country "
            "} } }",
            {"id": f"{KB}work-westhead2004a"},
        ),
        "q9_triggers": GraphQLRequest(CATEGORIES, {"f": f"{KB}factor-triggering"}),
        "q10_barriers": GraphQLRequest(CATEGORIES, {"f": f"{KB}factor-barriers"}),
        "q10_barriers_60": GraphQLRequest(CATEGORIES, {"f": f"{KB}factor-barriers", "m": 0.6}),
        "q11_panel": GraphQLRequest(
            "{ expertPanels { size groups { label kind count source { quote } } } }"
        ),
        "q14_notes": GraphQLRequest(
            "{ qualityNotes { kind summary concerns { id } sides { quote locator document { id } "
            "} } }"
        ),
        "q14_notes_panel": GraphQLRequest(
            "query($d: ID) { qualityNotes(document: $d) { sides { document { id } } } }",
            {"d": f"{KB}doc-chesenik"},
        ),
        "q15_interpretation": GraphQLRequest(
            "{ predictions { text stance interpretedBy { id } source { quote } } }"
        ),
        "table_default": GraphQLRequest(TABLE),
        "table_subset": GraphQLRequest(
            TABLE,
            {
                "perspectives": [TABLE1["columns"][4]["id"], TABLE1["columns"][0]["id"]],
                "themes": [THEMES[6], THEMES[0]],
            },
        ),
    }
    for theme in THEMES:
        requests[f"q2_{theme.rsplit('/', 1)[1]}"] = GraphQLRequest(
            "query($t: ID) { predictions(theme: $t) { text stance perspective { id } } }",
            {"t": theme},
        )
    for name in ("Uppsala", "born global", "INV", "RBV", "BG"):
        requests[f"q4_search_{name.replace(' ', '_')}"] = GraphQLRequest(SEARCH, {"t": name})
    return requests


def _examples() -> dict[str, Request]:
    text = (ROOT / "api" / "examples.graphql").read_text(encoding="utf-8")
    return {
        f"example_{op}": GraphQLRequest(text, operation=op)
        for op in re.findall(r"^query (\w+)", text, flags=re.M)
    }


def _rest() -> dict[str, Request]:
    requests: dict[str, Request] = {
        f"rest_table_{fmt}": RestRequest(f"/tables/comparison.{fmt}", SUBSET)
        for fmt in ("csv", "md", "tex", "html")
    }
    requests["rest_table1_csv"] = RestRequest("/tables/comparison.csv")
    requests["rest_node_turtle"] = RestRequest("/nodes", {"iri": [f"{KB}pred-stage-7"]})
    requests["rest_works_bib"] = RestRequest("/works.bib")
    requests["rest_works_json"] = RestRequest("/works.json")
    requests["rest_unknown_column"] = RestRequest(
        "/tables/comparison.csv", {"perspective": [f"{KB}persp-nope"]}
    )
    return requests


REQUESTS: dict[str, Request] = {
    **_competency(),
    **{name: GraphQLRequest(text) for name, text in README.items()},
    **{name: GraphQLRequest(text) for name, text in BENCH.items()},
    **{name: GraphQLRequest(text) for name, text in UNKNOWN_IDS.items()},
    **_examples(),
    **_rest(),
}
