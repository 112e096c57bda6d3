"""Studies and search in a browser: typed full-text results, a study's page (how each
document cites it, its findings, the quality notes about it), the paged list of studies."""

from collections.abc import Callable

from neo4j import Driver
from playwright.sync_api import expect

from tests.web.conftest import WIDE, Visit, api_data

KB = "https://w3id.org/sme-intl-kg/kb/"
SEARCH = "query($t: String!) { search(text: $t, first: 60) { id kind } }"
STUDY = """query($id: ID!) {
  study(id: $id) { citedBy { document { id } citedAs } findings { id } }
  qualityNotes { id concerns { id } sides { quote } }
}"""
STUDIES = """query($from: Int, $to: Int) {
  studies(yearFrom: $from, yearTo: $to, first: 25) { totalCount edges { node { id year } } }
}"""


def test_search_gives_typed_results_filtered_by_kind(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    hits = api_data(web_url, SEARCH, t="born global")["search"]
    visit = open_page(WIDE)
    visit.go("/search")
    page = visit.page
    box = page.get_by_role("searchbox", name="Search the knowledge graph")
    box.fill("born global")
    box.press("Enter")
    expect(page).to_have_url(f"{web_url}/search?q=born+global")
    results = page.locator("ol.results > li.result")
    expect(results).to_have_count(len(hits))
    expect(results.first.locator(".badge.kind")).to_be_visible()
    expect(results.locator("mark").first).to_be_visible()
    assert visit.axe_serious() == []
    visit.screenshot("search")

    works = [h for h in hits if h["kind"] == "Work"]
    assert works, "'born global' matches a cited work's title"
    page.get_by_role("link", name=f"Work ({len(works)})").click()
    expect(page).to_have_url(f"{web_url}/search?q=born+global&kind=Work")
    expect(results).to_have_count(len(works))
    results.first.locator("a.result-label").click()
    expect(page).to_have_url(f"{web_url}/studies/{works[0]['id'].removeprefix(KB)}")
    expect(page.get_by_role("heading", name="How each document cites it")).to_be_visible()


def test_a_study_page_shows_citations_findings_and_quality_notes(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    study_id = f"{KB}work-andersen1993"
    data = api_data(web_url, STUDY, id=study_id)
    notes = [n for n in data["qualityNotes"] if study_id in {c["id"] for c in n["concerns"]}]
    assert notes, "the knowledge base notes how the two documents cite Andersen (1993)"
    visit = open_page(WIDE)
    visit.go("/studies/work-andersen1993")
    page = visit.page
    citations = page.locator("ul.citations > li")
    expect(citations).to_have_count(len(data["study"]["citedBy"]))
    for citation in data["study"]["citedBy"]:
        shown = page.locator(f'ul.citations > li[data-document="{citation["document"]["id"]}"]')
        expect(shown.locator("q.cited-as")).to_have_text(citation["citedAs"])
    expect(page.locator("section li.finding")).to_have_count(len(data["study"]["findings"]))
    shown_notes = page.locator("ol.notes > li.note")
    expect(shown_notes).to_have_count(len(notes))
    for i, note in enumerate(notes):
        expect(shown_notes.nth(i).locator("mark.quote")).to_have_text(
            [side["quote"] for side in note["sides"]]
        )
    assert visit.axe_serious() == []
    visit.screenshot("study")


def test_studies_list_filters_by_year_and_pages(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    expected = api_data(web_url, STUDIES, **{"from": 1990, "to": 2002})["studies"]
    visit = open_page(WIDE)
    visit.go("/studies")
    page = visit.page
    page.get_by_label("From year").fill("1990")
    page.get_by_label("To year").fill("2002")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(f"{web_url}/studies?from=1990&to=2002")
    expect(page.locator(".result-count")).to_have_text(f"{expected['totalCount']} studies")
    rows = page.locator("table.studies-table tbody tr")
    expect(rows).to_have_count(len(expected["edges"]))
    assert [rows.nth(i).get_attribute("data-study") for i in range(rows.count())] == [
        e["node"]["id"] for e in expected["edges"]
    ]
    assert expected["totalCount"] > 25, "enough studies from 1990-2002 for a second page"
    page.get_by_role("button", name="Next page").click()
    expect(page.locator(".result-count")).to_contain_text("(a later page)")
    expect(rows.first).not_to_have_attribute("data-study", expected["edges"][0]["node"]["id"])
    page.get_by_role("button", name="First page").click()
    expect(rows.first).to_have_attribute("data-study", expected["edges"][0]["node"]["id"])
