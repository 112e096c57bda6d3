"""GraphiQL and the API reference work offline; every view at 390 px; keyboard entry;
unknown app routes; a database outage shown as such."""

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from neo4j import Driver
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from api.live_server import LiveServer
from smekg.settings import Settings
from tests.web.conftest import DIST, NARROW, WIDE, Visit
from tests.web.tcp_proxy import TcpForwarder

VIEWS = {
    "comparison": ("/comparison?cell=pred-stage-7", "table.comparison"),
    "gap-map": ("/gaps", "table.gap-map"),
    "evidence-chain": ("/evidence/pred-learning-knowledge-1", "li.finding"),
    "factors": ("/factors?f=factor-internal&open=cat-internal-skillful", ".share-chart svg"),
    "search": ("/search?q=psychic+distance", "li.result"),
    # Its results quote a reference with a long URL (it must wrap, not widen the page).
    "search-long-words": ("/search?q=born+global", "li.result"),
    "study": ("/studies/work-westhead2001b", "ul.citations"),
    "studies": ("/studies", "table.studies-table"),
    "disagreements": ("/disagreements?kind=PROSE_VS_TABLE", "li.note"),
}


def test_graphiql_renders_and_runs_an_example_offline(
    kb: Driver, open_page: Callable[[int], Visit]
) -> None:
    visit = open_page(WIDE)
    visit.go("/graphql")
    page = visit.page
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    expect(editor).to_contain_text("query ResearcherTimingPredictions")
    expect(editor).to_contain_text("query PanelTriggers")
    run = page.get_by_role("button", name="Execute query (Ctrl-Enter)")
    choice = page.get_by_role("menuitem", name="PanelTriggers")
    for _ in range(5):  # GraphiQL lists the operations once it has parsed the editor
        run.click()
        try:
            choice.click(timeout=5_000)
            break
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    else:
        raise AssertionError("GraphiQL never offered the example's operations to run")
    response = page.locator(".graphiql-response .CodeMirror")
    expect(response).to_contain_text('"categories"')
    expect(response).to_contain_text('"share": 0.75')
    visit.screenshot("graphiql")


def test_api_reference_renders_offline(kb: Driver, open_page: Callable[[int], Visit]) -> None:
    visit = open_page(WIDE)
    visit.go("/docs")
    page = visit.page
    expect(page.locator(".swagger-ui .title")).to_contain_text(
        "SME Internationalization Knowledge Graph"
    )
    expect(page.locator(".opblock-summary-path").filter(has_text="/works.bib")).to_be_visible()
    visit.screenshot("api-reference")


@pytest.mark.parametrize("name", VIEWS)
def test_each_view_at_390_px_fits_and_passes_axe(
    name: str, kb: Driver, open_page: Callable[[int], Visit]
) -> None:
    path, ready = VIEWS[name]
    visit = open_page(NARROW)
    visit.go(path)
    expect(visit.page.locator(ready).first).to_be_visible()
    visit.page.wait_for_load_state("networkidle")
    assert visit.horizontal_overflow() == 0
    assert visit.axe_serious() == []
    visit.screenshot(name)


def test_keyboard_user_skips_to_content_and_reaches_every_view(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    visit = open_page(WIDE)
    visit.go("/comparison")
    page = visit.page
    expect(page.locator("table.comparison")).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Tab")
    expect(
        page.get_by_role("link", name="SME Internationalization Knowledge Graph")
    ).to_be_focused()
    for label, path in [
        ("Comparison", "/comparison"),
        ("Gap map", "/gaps"),
        ("Evidence chain", "/evidence"),
        ("Factors", "/factors"),
        ("Studies & search", "/search"),
        ("Disagreements", "/disagreements"),
    ]:
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name=label, exact=True)).to_be_focused()
        if label == "Factors":
            page.keyboard.press("Enter")
            expect(page).to_have_url(f"{web_url}{path}")
            expect(page.get_by_role("heading", level=1)).to_be_focused()
            page.go_back()
            expect(page.locator("table.comparison")).to_be_visible()
            page.get_by_role("link", name=label, exact=True).focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_unknown_app_route_is_the_apps_not_found(
    kb: Driver, open_page: Callable[[int], Visit]
) -> None:
    visit = open_page(WIDE)
    visit.go("/no/such/view")
    expect(visit.page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(visit.page.get_by_role("link", name="comparison of perspectives")).to_be_visible()


def test_database_outage_is_shown_retried_and_recovered_from(
    kb: Driver, settings: Settings, open_page: Callable[..., Visit]
) -> None:
    """The API's way to Neo4j is down (connection refused: a 503), then back."""
    bolt = urlsplit(settings.neo4j_uri)
    assert bolt.port is not None
    with TcpForwarder(bolt.port) as network:
        behind = settings.model_copy(
            update={
                "neo4j_uri": f"{bolt.scheme}://127.0.0.1:{network.port}",
                "smekg_web_dir": DIST,
            }
        )
        with LiveServer(behind) as server:
            visit = open_page(WIDE, server.url)
            visit.expected_errors = ("503 (Service Unavailable)",)
            visit.go("/comparison")
            alert = visit.page.locator('[data-status="retrying"]')
            expect(alert).to_contain_text("Database unavailable, retrying")
            expect(alert).to_contain_text("attempt 2")
            heading = visit.page.get_by_role("heading", level=1)
            expect(heading).to_have_text("Comparison of perspectives")
            visit.screenshot("database-unavailable")
            network.start()
            expect(visit.page.locator("table.comparison tbody tr[data-row]")).to_have_count(9)
            expect(alert).to_have_count(0)
