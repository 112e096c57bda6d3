"""Drill: hostile GraphQL against the API (``python -m api``).

- A seeded, bounded property-based fuzz (hypothesis-graphql) of the whole schema: valid
  queries whose ID arguments are mostly *real* ids of the knowledge base (so requests get past
  the first argument check into nested fields), and invalid ones (its negative mode): no 5xx,
  no INTERNAL, no trace, path or driver name in any answer.
- Any search text either searches or is BAD_USER_INPUT (Lucene syntax never leaks through).
- An internal error provoked by a real fault — the full-text index gone from under the API,
  a stored value the mapping cannot read — reaches the client as ``INTERNAL`` with the
  request's id, which is also in the log beside the trace; the client sees no trace.
"""

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema
from neo4j import Driver

from api.graphql.schema import schema
from queries import query
from smekg.settings import Settings
from tests.drills.conftest import Figures
from tests.drills.processes import ApiProcess

KB = "https://w3id.org/sme-intl-kg/kb/"
SCHEMA = schema.as_str()  # the running code's schema
VALID_CASES = 900
INVALID_CASES = 200
SEARCH_CASES = 300
LEAKS = re.compile(r'Traceback|File "|\.py\b|/work/|site-packages|neo4j\.exceptions|Neo\.\w+Error')
LUCENE = ["NOT", "AND", "OR", "TO", "&&", "||", "!", "(", ")", "*", "?", "~", "^", "\\", '"']
LUCENE += [":", "/", "-", "+", "{", "}", "[", "]", "born", "global", "stage", "AND OR"]


@pytest.fixture
def api(loaded_db: Driver, settings: Settings, tmp_path: Path) -> Iterator[ApiProcess]:
    with ApiProcess(settings, tmp_path / "api.log") as api:
        yield api


def _ids(client: httpx.Client) -> list[str]:
    """Real ids of every kind the schema takes, from the API itself."""
    data = client.post(
        "/graphql",
        json={
            "query": "{ perspectives { id family { id } } themes { id } predictions { id } "
            "studies(first: 40) { edges { node { id findings { id } } } } "
            "factors { id categories { id } } qualityNotes { id sides { document { id } } } }"
        },
    ).json()["data"]
    text = json.dumps(data)
    return sorted(set(re.findall(r'"(https://w3id\.org/[^"]+)"', text)))


def _judge(response: httpx.Response, outcomes: Counter[str]) -> None:
    text = response.text
    assert response.status_code < 500, text[:500]
    assert not LEAKS.search(text), text[:500]
    codes = re.findall(r'"code":\s*"(\w+)"', text)
    assert "INTERNAL" not in codes, text[:500]
    outcomes[f"{response.status_code} {','.join(sorted(set(codes))) or 'data'}"] += 1


def test_fuzzed_queries_answer_without_5xx_internal_or_leaks(
    api: ApiProcess, figures: Figures
) -> None:
    outcomes: Counter[str] = Counter()
    with httpx.Client(base_url=api.url, timeout=60) as client:
        ids = _ids(client)
        assert len(ids) > 100
        junk = ["", " ", "x", f"{KB}nope", "urn:x", "é" * 40, "\\", '"']
        id_values = st.sampled_from(ids + junk).map(lambda v: graphql.StringValueNode(value=v))
        scalars = {"ID": id_values}

        def run(mode: Mode, cases: int, salt: int) -> None:
            @seed(20261201 + salt)
            @settings(
                max_examples=cases,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(from_schema(SCHEMA, custom_scalars=scalars, mode=mode))
            def case(text: str) -> None:
                _judge(client.post("/graphql", json={"query": text}), outcomes)

            case()

        run(Mode.POSITIVE, VALID_CASES, 0)
        run(Mode.NEGATIVE, INVALID_CASES, 1)
    figures["cases"] = sum(outcomes.values())
    figures["outcomes"] = dict(outcomes.most_common(8))
    figures["5xx"] = 0
    figures["internal"] = 0
    assert sum(outcomes.values()) >= VALID_CASES + INVALID_CASES
    assert sum(c for o, c in outcomes.items() if o.endswith("data")) > VALID_CASES // 4


def test_every_search_text_searches_or_is_bad_user_input(api: ApiProcess, figures: Figures) -> None:
    outcomes: Counter[str] = Counter()
    texts = st.one_of(
        st.text(max_size=200),
        st.lists(st.sampled_from(LUCENE) | st.text(max_size=12), max_size=30).map(" ".join),
    )
    with httpx.Client(base_url=api.url, timeout=60) as client:

        def search(text: str) -> str:
            response = client.post(
                "/graphql",
                json={
                    "query": "query($t: String!) { search(text: $t) { kind label } }",
                    "variables": {"t": text},
                },
            )
            assert response.status_code == 200, response.text[:300]
            body = response.json()
            if "errors" in body:
                assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
                outcomes["BAD_USER_INPUT"] += 1
                return "refused"
            assert isinstance(body["data"]["search"], list)
            outcomes["searched"] += 1
            return "searched"

        assert search("NOT") == "searched"
        assert search("born AND OR global") == "searched"
        assert search("AND") == "searched"
        assert search("born global (") == "searched"
        assert search(" ".join(["born"] * 1500)) == "refused"
        assert search("   ") == "refused"

        @seed(20261202)
        @settings(
            max_examples=SEARCH_CASES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(texts)
        def case(text: str) -> None:
            search(text)

        case()
    figures["search_texts"] = sum(outcomes.values())
    figures.values.update(outcomes)
    figures["search_outcomes"] = dict(outcomes)
    assert outcomes["searched"] > SEARCH_CASES // 2


def test_an_internal_error_reaches_the_client_with_its_request_id(
    api: ApiProcess, loaded_db: Driver, settings: Settings
) -> None:
    """A real fault: the full-text index the search reads is dropped under the running API."""
    with loaded_db.session(database=settings.neo4j_database) as session:
        session.run("DROP INDEX search_text").consume()
    try:
        response = httpx.post(
            f"{api.url}/graphql",
            json={"query": '{ search(text: "born global") { label } }'},
            headers={"X-Request-ID": "drill-internal-1"},
            timeout=60,
        )
    finally:
        with loaded_db.session(database=settings.neo4j_database) as session:
            session.run(query("create_search_index")).consume()
            session.run(query("await_indexes"), seconds=300).consume()
    assert response.status_code == 200  # GraphQL: the error is in the answer, data null
    (error,) = response.json()["errors"]
    assert error["message"] == "Unexpected error."
    assert error["extensions"] == {"code": "INTERNAL", "requestId": "drill-internal-1"}
    assert response.headers["x-request-id"] == "drill-internal-1"
    assert not LEAKS.search(response.text)
    log = api.output()
    assert "unexpected error (request id drill-internal-1)" in log
    assert "Traceback" in log  # the operator has the trace; the client does not


def test_an_internal_error_of_an_export_has_its_request_id(
    api: ApiProcess, loaded_db: Driver, settings: Settings
) -> None:
    """A real fault: a stored node whose language tags do not match its values."""
    with loaded_db.session(database=settings.neo4j_database) as session:
        session.run(
            "MATCH (n:Resource {iri: $iri}) SET n.skos_prefLabel__lang = ['en', 'fr', 'de']",
            iri=f"{KB}persp-stage",
        ).consume()
    response = httpx.get(f"{api.url}/nodes", params={"iri": f"{KB}persp-stage"}, timeout=60)
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "INTERNAL"
    assert body["requestId"] == response.headers["x-request-id"]
    assert not LEAKS.search(response.text)
    assert f"unexpected error (request id {body['requestId']})" in api.output()
