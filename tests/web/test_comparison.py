"""The comparison builder in a browser: Table 1 cell by cell, reordering by keyboard and
buttons, dropping and adding, a cell's source, exports of exactly the table on screen."""

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from neo4j import Driver
from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.web.conftest import WIDE, Visit

EXPECTED: dict[str, Any] = json.loads(
    (ROOT / "tests" / "expected" / "table1.json").read_text(encoding="utf-8")
)
KB = "https://w3id.org/sme-intl-kg/kb/"


def _texts(page: Page, selector: str) -> list[str]:
    texts: list[str] = page.locator(selector).evaluate_all(
        "(els) => els.map((e) => e.textContent.replace(/\\s+/g, ' ').trim())"
    )
    return texts


def _table_on_screen(page: Page) -> dict[str, Any]:
    rows = page.locator("table.comparison tbody tr[data-row]")
    return {
        "columns": _texts(page, COLUMN_LABELS),
        "rows": [
            {
                "id": rows.nth(i).get_attribute("data-row"),
                "proposition": _texts(page, f"{_nth_row(i)} .proposition")[0],
                "cells": _texts(page, f"{_nth_row(i)} td .cell-text"),
            }
            for i in range(rows.count())
        ],
        "representativeArticles": _texts(page, "tr.representative td .rep-text"),
        "footnotes": _texts(page, ".footnotes .footnote-text"),
    }


def _nth_row(i: int) -> str:
    return f"table.comparison tbody tr[data-row]:nth-child({i + 1})"


COLUMN_LABELS = "table.comparison thead th .col-label"
ROW_PROPOSITIONS = "table.comparison tbody tr[data-row] .proposition"


def _wait_for_table(page: Page) -> None:
    expect(page.locator("table.comparison")).to_be_visible()
    expect(page.locator("table.comparison")).not_to_have_attribute("aria-busy", "true")


def test_table1_on_screen_is_the_source_cell_by_cell(
    kb: Driver, open_page: Callable[[int], Visit]
) -> None:
    visit = open_page(WIDE)
    visit.go("/")
    page = visit.page
    _wait_for_table(page)
    on_screen = _table_on_screen(page)
    assert on_screen == {
        "columns": [c["label"] for c in EXPECTED["columns"]],
        "rows": [
            {"id": r["id"], "proposition": r["proposition"], "cells": r["cells"]}
            for r in EXPECTED["rows"]
        ],
        "representativeArticles": EXPECTED["representativeArticles"],
        "footnotes": [EXPECTED["footnote"]],
    }
    # A blank cell is visibly blank, says why, and is badged NOT_ADDRESSED.
    blank = page.locator("td.cell-blank")
    assert blank.count() == sum(cell == "" for r in EXPECTED["rows"] for cell in r["cells"]) == 2
    for i in range(blank.count()):
        expect(blank.nth(i).locator(".blank-reason")).to_contain_text("blank in Table 1")
        badge = blank.nth(i).locator(".badge")
        expect(badge).to_have_attribute("data-stance", "NOT_ADDRESSED")
        expect(badge).to_contain_text("Not addressed")
    visit.screenshot("comparison")
    assert visit.axe_serious() == []


def test_reorder_by_keyboard_and_buttons_drop_add_and_share(
    kb: Driver, open_page: Callable[[int], Visit]
) -> None:
    visit = open_page(WIDE)
    visit.go("/comparison")
    page = visit.page
    _wait_for_table(page)
    labels = [c["label"] for c in EXPECTED["columns"]]

    # Keyboard: focus "move right" on the first column, press Enter twice; the focus stays
    # on the moved column's button, so the second Enter moves it again.
    page.get_by_role("button", name="Move Stage theory right").focus()
    page.keyboard.press("Enter")
    expect(page.locator(COLUMN_LABELS).nth(1)).to_have_text(labels[0])
    expect(page.get_by_role("button", name="Move Stage theory right")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(COLUMN_LABELS).nth(2)).to_have_text(labels[0])
    expect(page.locator(COLUMN_LABELS)).to_have_text([labels[1], labels[2], labels[0], *labels[3:]])

    # Buttons: move theme 7 to the top, drop the sector row, drop a column.
    propositions = [r["proposition"] for r in EXPECTED["rows"]]
    # Each click waits for its answer on screen, as a user looks before the next one.
    for step in range(6):
        page.get_by_role("button", name=f"Move “{propositions[6]}” up").click()
        _wait_for_table(page)
        expect(page.locator(ROW_PROPOSITIONS).nth(5 - step)).to_have_text(propositions[6])
    page.get_by_role("button", name="Drop “Industrial sector”").click()
    _wait_for_table(page)
    expect(page.get_by_role("button", name="Drop “Industrial sector”")).to_have_count(0)
    page.get_by_role("button", name=f"Drop {labels[4]}").click()
    _wait_for_table(page)
    rows = [propositions[6], *propositions[:6], propositions[8]]
    expect(page.locator(ROW_PROPOSITIONS)).to_have_text(rows)
    columns = [labels[1], labels[2], labels[0], labels[3]]
    expect(page.locator(COLUMN_LABELS)).to_have_text(columns)

    # Add: a perspective of the panel paper, which Table 1 does not have: a column of
    # cells with no prediction in the sources, visibly blank.
    page.get_by_label("Add a perspective").select_option(label="Eclectic Paradigm")
    page.get_by_role("button", name="Add", exact=True).first.click()
    _wait_for_table(page)
    expect(page.locator(COLUMN_LABELS).last).to_have_text("Eclectic Paradigm")
    columns.append("Eclectic Paradigm")
    eclectic = page.locator("table.comparison tbody tr[data-row] td:last-child")
    assert eclectic.count() == len(rows)
    expect(eclectic.first.locator(".cell-text")).to_have_text("")
    expect(eclectic.first.locator(".blank-reason")).to_contain_text("No prediction")

    # The URL restores the table: open it in a fresh page.
    url = page.url
    query = parse_qs(urlsplit(url).query)
    assert query["p"][0] == "persp-internalization-tc"
    again = open_page(WIDE)
    again.page.goto(url)
    _wait_for_table(again.page)
    expect(again.page.locator(COLUMN_LABELS)).to_have_text(columns)
    expect(again.page.locator(ROW_PROPOSITIONS)).to_have_text(rows)
    visit.screenshot("comparison-built")


def test_a_cell_shows_its_quote_locator_document_and_interpretation(
    kb: Driver, open_page: Callable[[int], Visit]
) -> None:
    visit = open_page(WIDE)
    visit.go("/comparison")
    page = visit.page
    _wait_for_table(page)
    cell = page.locator(f'[data-focus="cell:{KB}pred-stage-1"]')
    cell.click()
    details = page.locator(".cell-details")
    expect(details.get_by_role("heading")).to_be_focused()
    expect(details.locator(".details-text")).to_have_text(EXPECTED["rows"][0]["cells"][0])
    expect(details.locator("mark.quote")).to_have_text(EXPECTED["rows"][0]["cells"][0])
    expect(details.locator(".locator")).to_contain_text("Table 1, row '1. SMEs can")
    expect(details.locator("cite.document")).to_have_text(
        "Wright, Westhead & Ucbasaran (2007), review"
    )
    expect(details.locator(".interp-flag")).to_have_text("Our interpretation")
    expect(details.get_by_role("link", name="Evidence chain")).to_have_attribute(
        "href", "/evidence/pred-stage-1"
    )
    assert "cell=pred-stage-1" in page.url
    assert visit.axe_serious() == []
    visit.screenshot("comparison-cell")

    # A blank cell's details give the reason; Escape closes and gives the focus back.
    page.locator(f'[data-focus="cell:{KB}pred-stage-5"]').click()
    expect(details.locator(".interpretation")).to_contain_text("blank in Table 1")
    page.keyboard.press("Escape")
    expect(details).to_have_count(0)
    expect(page.locator(f'[data-focus="cell:{KB}pred-stage-5"]')).to_be_focused()


def _download(page: Page, label: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("link", name=label, exact=True).click()
    download = info.value
    path = download.path()
    return download.url, Path(path).read_text(encoding="utf-8")


def test_exports_are_exactly_the_table_on_screen(
    kb: Driver, open_page: Callable[[int], Visit]
) -> None:
    visit = open_page(WIDE)
    chosen_columns = ["persp-rbv-network", "persp-stage"]
    chosen_rows = ["theme-7", "theme-1"]
    query = "&".join([f"p={p}" for p in chosen_columns] + [f"t={t}" for t in chosen_rows])
    visit.go(f"/comparison?{query}")
    page = visit.page
    _wait_for_table(page)
    on_screen = _table_on_screen(page)
    assert on_screen["columns"] == ["Resource-based / network theory", "Stage theory"]

    url, text = _download(page, "CSV")
    sent = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path == "/tables/comparison.csv"
    assert sent == {
        "perspective": [KB + p for p in chosen_columns],
        "theme": [KB + t for t in chosen_rows],
    }
    lines = list(csv.DictReader(io.StringIO(text)))
    assert len(lines) == 4
    for line, (row, column) in zip(
        lines, [(r, c) for r in on_screen["rows"] for c in range(2)], strict=True
    ):
        assert line["theme"] == row["id"]
        assert line["perspectiveLabel"] == on_screen["columns"][column]
        assert line["text"] == row["cells"][column]

    for label, suffix in (("Markdown", "md"), ("LaTeX", "tex"), ("HTML", "html")):
        url, text = _download(page, label)
        assert urlsplit(url).path == f"/tables/comparison.{suffix}"
        assert parse_qs(urlsplit(url).query) == sent
        first, second = (text.index(name) for name in on_screen["columns"])
        assert first < second, label
        assert text.index("SMEs that internationalize outperform") < text.index(
            "SMEs can internationalize from the outset"
        )
