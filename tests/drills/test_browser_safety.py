"""Drill: what a browser is told, on every kind of answer of the API (``python -m api``):
the security headers (a CSP fitting the bundled web app, no framing, no sniffing, no
referrer), CORS off by default and on for the named origins only, posts that a foreign page
could send without a preflight refused before anything runs, CSV formulas neutralised."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from smekg.settings import Settings
from tests.drills.processes import ApiProcess

KB = "https://w3id.org/sme-intl-kg/kb/"
HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
]


@pytest.fixture
def api(loaded_db: Driver, settings: Settings, tmp_path: Path) -> Iterator[ApiProcess]:
    with ApiProcess(settings, tmp_path / "api.log") as api:
        yield api


def _csp(response: httpx.Response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {d.split(" ", 1)[0]: d.split(" ", 1)[1] for d in policy.split("; ")}


@pytest.mark.parametrize(
    ("method", "path", "accept"),
    [
        ("GET", "/healthz", "application/json"),
        ("GET", "/readyz", "application/json"),
        ("POST", "/graphql", "application/json"),
        ("GET", "/tables/comparison.html", "text/html"),
        ("GET", "/graph", "text/turtle"),
        ("GET", f"/nodes?iri={KB}nope", "text/turtle"),
        ("GET", "/no-such-page", "text/html"),
        ("GET", "/openapi.json", "application/json"),
    ],
)
def test_every_answer_carries_the_security_headers(
    api: ApiProcess, method: str, path: str, accept: str
) -> None:
    response = httpx.request(
        method,
        f"{api.url}{path}",
        headers={"Accept": accept},
        json={"query": "{ themes { id } }"} if method == "POST" else None,
        timeout=60,
    )
    policy = _csp(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-request-id"]


def test_graphiql_may_use_inline_styles_but_no_inline_script(api: ApiProcess) -> None:
    page = httpx.get(f"{api.url}/graphql", headers={"Accept": "text/html"}, timeout=60)
    policy = _csp(page)
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"


def test_cors_is_off_by_default(api: ApiProcess) -> None:
    origin = {"Origin": "https://evil.example"}
    simple = httpx.get(f"{api.url}/tables/comparison.csv", headers=origin, timeout=60)
    preflight = httpx.options(
        f"{api.url}/graphql",
        headers={**origin, "Access-Control-Request-Method": "POST"},
        timeout=60,
    )
    assert "access-control-allow-origin" not in simple.headers
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_answers_the_named_origins_only(
    loaded_db: Driver, settings: Settings, tmp_path: Path
) -> None:
    allowed = "https://app.example"
    extra = {"SMEKG_CORS_ORIGINS": f"{allowed}, https://other.example"}
    with ApiProcess(settings, tmp_path / "api.log", extra) as api:
        asks = {
            origin: httpx.options(
                f"{api.url}/graphql",
                headers={
                    "Origin": origin,
                    "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "content-type",
                },
                timeout=60,
            )
            for origin in (allowed, "https://evil.example")
        }
        simple = httpx.get(f"{api.url}/works.bib", headers={"Origin": allowed}, timeout=60)
    assert asks[allowed].status_code == 200
    assert asks[allowed].headers["access-control-allow-origin"] == allowed
    assert asks["https://evil.example"].headers.get("access-control-allow-origin") is None
    assert simple.headers["access-control-allow-origin"] == allowed
    assert "etag" in simple.headers["access-control-expose-headers"].lower()


def _queries_run(url: str) -> int:
    for line in httpx.get(f"{url}/metrics", timeout=60).text.splitlines():
        if line.startswith("smekg_cypher_queries_total "):
            return int(line.split()[1])
    raise AssertionError("no cypher_queries metric")


@pytest.mark.parametrize(
    "media",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""],
)
def test_posts_a_foreign_page_could_send_are_415_and_run_nothing(
    api: ApiProcess, media: str
) -> None:
    before = _queries_run(api.url)
    response = httpx.post(
        f"{api.url}/graphql",
        content=b'{"query": "{ themes { id } }"}',
        headers={"Content-Type": media} if media else {},
        timeout=60,
    )
    assert response.status_code == 415
    assert _queries_run(api.url) == before


def test_csv_cells_that_look_like_formulas_are_neutralised(
    loaded_db: Driver, settings: Settings, tmp_path: Path
) -> None:
    with loaded_db.session(database=settings.neo4j_database) as session:
        iris = [
            r["iri"]
            for r in session.run(
                "MATCH (p:Prediction)-[:theme]->(:Theme {iri: $t}) "
                "RETURN p.iri AS iri ORDER BY iri",
                t=f"{KB}theme-1",
            )
        ]
        for iri, text in zip(iris, HOSTILE_CELLS, strict=False):
            session.run(
                "MATCH (p:Resource {iri: $iri}) SET p.text = $text", iri=iri, text=text
            ).consume()
    with ApiProcess(settings, tmp_path / "api.log") as api:
        body = httpx.get(
            f"{api.url}/tables/comparison.csv", params={"theme": f"{KB}theme-1"}, timeout=60
        ).text
    texts = [row[4] for row in csv.reader(io.StringIO(body))][1:]
    for hostile in HOSTILE_CELLS[: len(iris)]:
        assert f"'{hostile}" in texts
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@")]
