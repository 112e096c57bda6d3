"""The web app's pages as the API serves them (api/http/web.py, api/graphql/graphiql.py):
the app for its own routes, never for the API's; GraphiQL and Swagger UI from the build, no
CDN; and what each page says when the app is not built. The browser tests are in tests/web/."""

import re
from collections.abc import Iterator

import httpx
import pytest

from api.live_server import LiveServer
from smekg.settings import Settings
from tests.conftest import ROOT

DIST = ROOT / "web" / "dist"
HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def web(settings: Settings) -> Iterator[httpx.Client]:
    assert (DIST / "index.html").is_file(), "web/dist is missing: run `make web` (needs Node)"
    with (
        LiveServer(settings.model_copy(update={"smekg_web_dir": DIST})) as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def unbuilt(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    empty = tmp_path_factory.mktemp("no-web-build")
    with (
        LiveServer(settings.model_copy(update={"smekg_web_dir": empty})) as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        yield client


@pytest.mark.parametrize(
    "path", ["/", "/comparison?p=persp-stage", "/studies/work-westhead2001b", "/no/such/view"]
)
def test_app_routes_answer_the_app(web: httpx.Client, path: str) -> None:
    response = web.get(path, headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text == (DIST / "index.html").read_text(encoding="utf-8")
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    "path",
    [
        "/graphql/extra",
        "/tables/nothing",
        "/graph/x",
        "/nodes/x",
        "/works/x",
        "/healthz/x",
        "/docs/x",
        "/redoc",
        "/assets/missing.js",
        "/missing.css",
    ],
)
def test_the_apis_paths_are_never_the_app(web: httpx.Client, path: str) -> None:
    response = web.get(path, headers=HTML)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_api_routes_still_answer(web: httpx.Client) -> None:
    assert web.get("/healthz").json() == {"status": "ok"}
    assert web.get("/openapi.json").json()["info"]["title"].startswith("SME")
    assert web.post("/graphql", json={"query": "{ __typename }"}).json() == {
        "data": {"__typename": "Query"}
    }


def test_assets_are_served_immutable_and_nothing_outside_the_build(web: httpx.Client) -> None:
    script = re.search(r'src="(/assets/[^"]+\.js)"', web.get("/").text)
    assert script
    response = web.get(script[1])
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert web.get("/favicon.svg").headers["content-type"] == "image/svg+xml"
    escape = web.get("/..%2f..%2fpyproject.toml")
    assert "sme-intl-kg" not in escape.text


def _asset_urls(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', page)


@pytest.mark.parametrize("path", ["/", "/graphql", "/docs"])
def test_pages_load_only_their_own_assets(web: httpx.Client, path: str) -> None:
    answer = web.get(path, headers=HTML)
    page = answer.text
    urls = _asset_urls(page)
    assert any(u.startswith("/assets/") and u.endswith(".js") for u in urls), urls
    assert all(u.startswith("/") and not u.startswith("//") for u in urls), urls
    assert "unpkg" not in page
    assert "jsdelivr" not in page
    assert "Content-Security-Policy" not in page  # one policy: the header (api/http/browser.py)
    assert "script-src 'self';" in answer.headers["content-security-policy"]


def test_graphiql_page_carries_the_examples_as_data(web: httpx.Client) -> None:
    page = web.get("/graphql", headers=HTML).text
    block = re.search(
        r'<script type="application/json" id="graphiql-examples">(.*?)</script>', page
    )
    assert block
    examples = (ROOT / "api" / "examples.graphql").read_text(encoding="utf-8")
    assert httpx.Response(200, content=block[1]).json() == examples
    assert "</" not in block[1]


def test_without_a_build_each_page_says_how_to_build_it(unbuilt: httpx.Client) -> None:
    for path in ("/", "/comparison", "/docs"):
        response = unbuilt.get(path, headers=HTML)
        assert response.status_code == 200
        assert "the web app is not built" in response.text
        assert "make web" in response.text
    graphiql = unbuilt.get("/graphql", headers=HTML).text
    assert "make web" in graphiql
    assert "query ResearcherTimingPredictions" in graphiql
    assert unbuilt.get("/assets/app.js").status_code == 404
    assert unbuilt.get("/healthz").json() == {"status": "ok"}
