"""The expert panel's factors in a browser: bars by share with N, items on demand, and the
prose's other figures beside the table's, against the API's answers."""

from collections.abc import Callable
from typing import Any

from neo4j import Driver
from playwright.sync_api import expect

from tests.web.conftest import WIDE, Visit, api_data

KB = "https://w3id.org/sme-intl-kg/kb/"
FACTORS = """{
  factors { id label order groups { id }
    categories { id label share sampleSize order items { label order }
      reportedFigures { id share } } }
  qualityNotes { id concerns { id } }
}"""


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _factor_ids(factor: dict[str, Any]) -> set[str]:
    ids = {factor["id"], *(g["id"] for g in factor["groups"])}
    for category in factor["categories"]:
        ids.add(category["id"])
        ids.update(f["id"] for f in category["reportedFigures"])
    return ids


def test_factor_bars_items_and_disagreements(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    data = api_data(web_url, FACTORS)
    barriers = next(f for f in data["factors"] if f["id"] == f"{KB}factor-barriers")
    categories = barriers["categories"]
    visit = open_page(WIDE)
    visit.go("/factors")
    page = visit.page
    expect(page.locator("#factor-heading")).to_contain_text("1. triggering factors")
    page.get_by_role("link", name="5. barriers and challenges").click()
    expect(page).to_have_url(f"{web_url}/factors?f=factor-barriers")
    expect(page.locator("#factor-heading")).to_contain_text("(N = 32 experts)")

    # One bar per category; one ◆ per figure of the prose that differs from the table.
    differing = [
        (c, f)
        for c in categories
        for f in c["reportedFigures"]
        if abs(f["share"] - c["share"]) >= 0.005
    ]
    assert differing, "the panel paper's prose disagrees with Table 6 in the knowledge base"
    expect(page.locator(".share-chart svg g[data-mark='bar'] rect")).to_have_count(len(categories))
    expect(page.locator(".share-chart svg g[data-mark='dot'] path")).to_have_count(len(differing))

    # The table beside the chart: the share with N, and the prose's figure next to it.
    for category in categories:
        row = page.locator(f'tr[data-category="{category["id"]}"]')
        expect(row.locator("td.share")).to_have_text(
            f"{_percent(category['share'])} of N = {category['sampleSize']}"
        )
    for category, figure in differing:
        row = page.locator(f'tr[data-category="{category["id"]}"]')
        expect(row.locator(f'.disagreement[data-prose-share="{figure["share"]}"]')).to_contain_text(
            f"{_percent(figure['share'])} in the prose, {_percent(category['share'])} in the table"
        )
    concerning = [
        n for n in data["qualityNotes"] if {c["id"] for c in n["concerns"]} & _factor_ids(barriers)
    ]
    expect(page.locator(".factor-notes li.note-brief")).to_have_count(len(concerning))

    # Items on demand, kept in the URL.
    category = next(c for c in categories if c["label"] == "Financial constraints")
    button = page.get_by_role(
        "button", name=f"Show {len(category['items'])} items of Financial constraints"
    )
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    toggle = page.locator(f'tr[data-category="{category["id"]}"] td.items button')
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_contain_text("Hide")
    items = page.locator(f'tr[data-category="{category["id"]}"] td.items li')
    expect(items).to_have_text(
        [i["label"] for i in sorted(category["items"], key=lambda i: i["order"])]
    )
    assert f"open={category['id'].removeprefix(KB)}" in page.url
    assert visit.axe_serious() == []
    visit.screenshot("factors")

    again = open_page(WIDE)
    again.page.goto(page.url)
    expect(
        again.page.locator(f'tr[data-category="{category["id"]}"] td.items li').first
    ).to_be_visible()
