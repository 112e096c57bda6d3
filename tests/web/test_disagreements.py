"""Where the sources disagree, in a browser: every quality note with each side quoted,
filtered by kind and document."""

from collections import Counter
from collections.abc import Callable

from neo4j import Driver
from playwright.sync_api import expect

from tests.web.conftest import WIDE, Visit, api_data

NOTES = """query($d: ID) {
  qualityNotes(document: $d) { id kind summary sides { quote locator document { id label } } }
}"""


def test_every_note_with_each_side_quoted_and_filters(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    notes = api_data(web_url, NOTES)["qualityNotes"]
    visit = open_page(WIDE)
    visit.go("/disagreements")
    page = visit.page
    shown = page.locator("ol.notes > li.note")
    expect(shown).to_have_count(len(notes))
    for i, note in enumerate(notes):
        item = shown.nth(i)
        expect(item).to_have_attribute("data-note", note["id"])
        expect(item.locator(".summary")).to_contain_text(note["summary"])
        assert len(note["sides"]) >= 2, note["id"]
        expect(item.locator(".side mark.quote")).to_have_text([s["quote"] for s in note["sides"]])
        expect(item.locator(".side .locator")).to_have_text([s["locator"] for s in note["sides"]])
    assert visit.axe_serious() == []
    visit.screenshot("disagreements")

    kind, count = Counter(n["kind"] for n in notes).most_common(1)[0]
    page.get_by_label("Kind").select_option(kind)
    expect(page).to_have_url(f"{web_url}/disagreements?kind={kind}")
    expect(shown).to_have_count(count)

    document = notes[0]["sides"][0]["document"]
    in_document = api_data(web_url, NOTES, d=document["id"])["qualityNotes"]
    page.get_by_label("Document").select_option(label=document["label"])
    expect(shown).to_have_count(sum(n["kind"] == kind for n in in_document))
    page.get_by_label("Kind").select_option("")
    expect(shown).to_have_count(len(in_document))
