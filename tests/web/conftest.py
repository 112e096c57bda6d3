"""Browser tests: headless Chromium (Debian's, scripts/chromium.sh) driven by Playwright
against the real stack — the test Neo4j with the knowledge base loaded, the API in a real
server, the built app (web/dist, `make web`). Nothing is mocked.

Every page runs with requests to any host but 127.0.0.1 aborted, and a test fails when a
page asked for one, logged an error, broke its Content-Security-Policy or threw. A
screenshot of each view goes to .cache/artifacts/web/ (and, at 1280 px, to
$SMEKG_SCREENSHOTS when set: `make screenshots` refreshes docs/screenshots/ so).
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from neo4j import Driver
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    expect,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from api.live_server import LiveServer
from smekg.settings import Settings
from tests.conftest import ROOT

# The first answers of a cold API and Neo4j on a shared 2-core machine take seconds.
expect.set_options(timeout=60_000)  # a hang guard: a loaded machine answers slowly
CHROMIUM = Path(os.environ.get("SMEKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DIST = ROOT / "web" / "dist"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / ".cache" / "artifacts" / "web"
WIDE, NARROW = 1280, 390
# Collects Content-Security-Policy violations; init scripts are not subject to the policy.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: run `make chromium` (as root)"
    b = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield b
    b.close()


@pytest.fixture(scope="session")
def built_app() -> Path:
    """The built app; fails (never skips) when it is missing."""
    assert (DIST / "index.html").is_file(), "web/dist is missing: run `make web` (needs Node)"
    assert AXE.is_file(), "web/node_modules/axe-core is missing: run `make web`"
    return DIST


@pytest.fixture(scope="session")
def web_url(settings: Settings, built_app: Path) -> Iterator[str]:
    """The API with the built app, in a real server on a free loopback port."""
    with LiveServer(settings.model_copy(update={"smekg_web_dir": built_app})) as server:
        yield server.url


@dataclass
class Visit:
    """A browser page at one width, and everything it did that a test must not allow."""

    page: Page
    width: int
    base: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Console errors a test expects (e.g. the browser's own line for an HTTP 503).
    expected_errors: tuple[str, ...] = ()

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)

    def problems(self) -> list[str]:
        try:
            csp: list[str] = self.page.evaluate("window.__cspViolations || []")
        except PlaywrightError:
            csp = []
        return (
            [f"request to another host: {url}" for url in self.blocked]
            + [
                f"page error: {text}"
                for text in self.errors
                if not any(allowed in text for allowed in self.expected_errors)
            ]
            + [f"CSP violation: {v}" for v in csp]
        )

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}-{self.width}.png"
        self.page.screenshot(path=str(path), full_page=True)
        target = os.environ.get("SMEKG_SCREENSHOTS")
        if target and self.width == WIDE:
            # For the README: what a reader sees first, one window of 1280 x 900.
            Path(target).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(target) / f"{name}.png"))
        return path

    def axe_serious(self) -> list[str]:
        """axe-core's serious and critical violations on the page as it is now."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result: list[str] = self.page.evaluate(
            """async () => {
              const r = await axe.run(document, { resultTypes: ["violations"] });
              return r.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.id} (${v.impact}): ${v.help} at ` +
                  v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
            }"""
        )
        return result

    def horizontal_overflow(self) -> int:
        """How far the page is wider than the window (0 = no sideways scrolling)."""
        width: int = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        return width


def _context(browser: Browser, width: int) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, accept_downloads=True, service_workers="block"
    )
    context.add_init_script(CSP_WATCH)
    return context


@pytest.fixture
def open_page(browser: Browser, web_url: str) -> Iterator[Callable[[int], Visit]]:
    """Opens a page at a width (1280 or 390) on the app; checks it stayed offline and clean."""
    contexts: list[BrowserContext] = []
    visits: list[Visit] = []

    def open_at(width: int = WIDE, base: str = web_url) -> Visit:
        context = _context(browser, width)
        contexts.append(context)
        visit = Visit(context.new_page(), width, base)

        def only_loopback(route: Route) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                visit.blocked.append(route.request.url)
                route.abort("internetdisconnected")

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                visit.errors.append(message.text)

        context.route("**/*", only_loopback)
        visit.page.on("console", on_console)
        visit.page.on("pageerror", lambda exc: visit.errors.append(str(exc)))
        visits.append(visit)
        return visit

    yield open_at
    problems = [p for visit in visits for p in visit.problems()]
    for context in contexts:
        context.close()
    assert not problems, problems


@pytest.fixture
def kb(loaded_db: Driver) -> Driver:
    """The real knowledge base, freshly loaded into the test Neo4j for this test."""
    return loaded_db


def api_data(base: str, query: str, **variables: object) -> dict[str, Any]:
    """The API's own answer to a query (what a view must show), read over HTTP."""
    response = httpx.post(
        f"{base}/graphql", json={"query": query, "variables": variables}, timeout=60
    )
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data
