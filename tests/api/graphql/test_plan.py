"""Compiled requests (decision 0014): each planned shape is answered by one Cypher statement
(plus the knowledge base's state, pinned and checked), whatever it nests; every query part
is valid Cypher; shapes the planner leaves to the resolvers still answer. That the answers
are the resolvers' own is `tests/api/test_pinned_answers.py`'s job."""

import itertools

import httpx
import pytest
from neo4j import Driver

from api.data.repository import then_state
from api.graphql.plan import parts
from api.graphql.plan.entities import ENTITIES, projection
from api.graphql.plan.roots import CHAIN_COLUMNS, LISTING_COLUMNS, ROOTS, TABLE_COLUMNS
from api.graphql.plan.selection import Chosen
from api.live_server import LiveServer
from smekg.settings import Settings
from tests.api.pinned_requests import BENCH, REQUESTS, GraphQLRequest

PLANNED = [*BENCH, "readme_q2", "readme_q5", "readme_q6", "readme_q8", "readme_q9"]
PLANNED += ["readme_q10", "readme_q12", "readme_q15", "q4_aliases", "table_subset"]
NOT_PLANNED = ["readme_q4", "readme_q7", "readme_q11", "readme_table_subset"]


def _queries_run(client: httpx.Client) -> int:
    for line in client.get("/metrics").text.splitlines():
        if line.startswith("smekg_cypher_queries_total "):
            return int(line.split()[1])
    raise AssertionError("no query counter")


def _ask(client: httpx.Client, name: str) -> tuple[dict[str, object], int]:
    """The answer and the queries it took (the name as a comment: never a cache hit)."""
    request = REQUESTS[name]
    assert isinstance(request, GraphQLRequest)
    before = _queries_run(client)
    query = f"# {name}\n{request.query}"
    body = client.post("/graphql", json={"query": query, "variables": request.variables})
    return body.json(), _queries_run(client) - before


def test_planned_shapes_are_one_statement_others_go_to_the_resolvers(
    loaded_db: Driver, client: httpx.Client
) -> None:
    used = {name: _ask(client, name) for name in PLANNED + NOT_PLANNED}
    assert all("errors" not in answer for answer, _ in used.values())
    # The state pinned (TTL 0 in tests), then the one statement, which also reads the state
    # after its data for the check (decision 0031).
    assert {name: used[name][1] for name in PLANNED} == dict.fromkeys(PLANNED, 2)
    assert all(used[name][1] >= 3 for name in NOT_PLANNED), used


def _everything(entity: str, depth: int) -> list[Chosen]:
    """Every field the planner knows of `entity`, relations `depth` levels deep."""
    spec = ENTITIES[entity]
    chosen = [Chosen(f, f, (), [] if f in ("source", "sources") else None) for f in spec.fields]
    if depth:
        chosen += [
            Chosen(f, f, (), _everything(relation.target, depth - 1))
            for f, relation in spec.relations.items()
        ]
    return chosen


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_every_part_explains(driver: Driver, settings: Settings, root: str) -> None:
    """Each root with every entity field two relations deep, and the state read after it, is
    valid Cypher."""
    names = itertools.count(1)
    projections = {
        placeholder: projection(entity, _everything(entity, 2), var, names)
        for placeholder, entity, var in (
            ("p", "Prediction", "root"),
            ("prediction", "Prediction", "root"),
            ("finding", "Finding", "finding"),
            ("column", "Perspective", "column"),
            ("row", "Theme", "row"),
            ("cell", "Prediction", "cell"),
        )
    }
    params = dict.fromkeys(
        ["perspective", "theme", "stance", "family", "factor", "minShare", "id", "prediction"]
    )
    params.update(perspectives=None, themes=None, maxCells=10)
    text = parts.root(root if root in _PARTS else _PARTS_OF[root], projections)
    columns = _COLUMNS_OF.get(root, LISTING_COLUMNS)
    with driver.session(database=settings.neo4j_database) as session:
        session.run("EXPLAIN " + then_state(text, columns), params).consume()


_PARTS = {"predictions", "perspectives", "themes", "categories", "perspective", "theme", "study"}
_PARTS_OF = {"evidenceChain": "evidence_chain", "comparisonTable": "comparison_table"}
_COLUMNS_OF = {"evidenceChain": CHAIN_COLUMNS, "comparisonTable": TABLE_COLUMNS}


KB = "https://w3id.org/sme-intl-kg/kb/"
NESTED = [
    """{ perspectives { id predictions { theme { label } evidence { supports }
      perspective { representativeStudies {
        findings { studies { title } themes { id } } } } } } }""",
    f'{{ perspective(id: "{KB}persp-stage") {{ label family {{ label }} representativeArticles '
    "{ text source { quote } } predictions { text theme { proposition sources { locator } } } } }",
    f'{{ study(id: "{KB}work-westhead2004a") {{ __typename title citedBy {{ citedAs document '
    "{ title } } perspectives { label } findings { relation interpretedBy { label } } } }",
    f'{{ study(id: "{KB}work-bell2004") {{ findings {{ findingKind modality hedgeNote '
    "attributionNote summary } } }",
    f'{{ theme(id: "{KB}theme-7") {{ label number sources {{ quote document {{ label }} }} }} }}',
    "{ themes { id label order } }",
    f'{{ perspectives(family: "{KB}family-ie") {{ id }} }}',
    "{ categories(minShare: 0.7) { label group { label } reportedFigures { share } } }",
    """query Chain($p: ID!) { evidenceChain(prediction: $p) { ...Chain } }
    fragment Chain on EvidenceChain { documents { label } findings { basis
      finding { ... on Finding { findingKind modality hedgeNote attributionNote
        studies { perspectives { label } } } } } }""",
    f'{{ comparisonTable(themes: ["{KB}theme-2", "{KB}theme-2"]) {{ columns {{ label '
    "predictions { stance } } rows { cells { evidence { qualifies mixed } } } } }",
]


def test_compiled_and_resolver_answers_are_the_same(loaded_db: Driver, settings: Settings) -> None:
    """Nested shapes the pinned requests do not cover: both paths answer alike."""
    answers = []
    for compiled in (True, False):
        config = settings.model_copy(update={"smekg_compiled_queries": compiled})
        with LiveServer(config) as server, httpx.Client(base_url=server.url, timeout=120) as client:
            answers.append(
                [
                    client.post(
                        "/graphql", json={"query": q, "variables": {"p": KB + "pred-stage-7"}}
                    ).json()
                    for q in NESTED
                ]
            )
    compiled_answers, resolver_answers = answers
    for query, ours, theirs in zip(NESTED, compiled_answers, resolver_answers, strict=True):
        assert "errors" not in theirs, (query, theirs)
        assert ours == theirs, query
