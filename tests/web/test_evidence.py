"""The evidence gap map and the evidence chain in a browser, against the API's answers."""

from collections.abc import Callable
from typing import Any

import httpx
from neo4j import Driver
from playwright.sync_api import expect

from tests.web.conftest import WIDE, Visit, api_data

KB = "https://w3id.org/sme-intl-kg/kb/"
MAP = "{ evidenceMap { predictionId supports contradicts qualifies mixed } }"
CHAIN = """query($p: ID!) { evidenceChain(prediction: $p) {
  findings { relation basis finding {
    id studies { id authors year yearSuffix }
    source { quote prefix suffix locator document { label } }
  } }
} }"""


def test_gap_map_prints_every_count_marks_gaps_and_opens_the_chain(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    cells = api_data(web_url, MAP)["evidenceMap"]
    visit = open_page(WIDE)
    visit.go("/gaps")
    page = visit.page
    heat = page.locator("table.gap-map a.heat")
    expect(heat).to_have_count(len(cells))
    for cell in cells:
        link = page.locator(f'a.heat[data-prediction="{cell["predictionId"]}"]')
        total = cell["supports"] + cell["contradicts"] + cell["qualifies"] + cell["mixed"]
        expect(link).to_have_attribute("data-total", str(total))
        if total:
            expect(link.locator(".counts")).to_have_text(
                f"S {cell['supports']} supporting, C {cell['contradicts']} contradicting, "
                f"Q {cell['qualifies']} qualifying, M {cell['mixed']} mixed,"
            )
        else:
            expect(link).to_have_class("heat gap")
            expect(link.locator(".gap-label")).to_have_text("gap: no findings")
    gaps = sum(
        1 for c in cells if not c["supports"] + c["contradicts"] + c["qualifies"] + c["mixed"]
    )
    expect(page.locator("#gap-caption")).to_contain_text(f"{gaps} of {len(cells)} cells are gaps")
    assert visit.axe_serious() == []
    visit.screenshot("gap-map")

    # Colour by supporting findings, by keyboard: the radio group moves with the arrow keys.
    page.get_by_label("All findings").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Supporting")).to_be_checked()
    expect(page).to_have_url(f"{web_url}/gaps?by=supports")
    expect(page.locator(".count-active").first).to_contain_text("S")

    page.locator(f'a.heat[data-prediction="{KB}pred-stage-7"]').click()
    expect(page).to_have_url(f"{web_url}/evidence/pred-stage-7")
    expect(page.get_by_role("heading", level=1)).to_have_text("Evidence chain")
    expect(page.get_by_role("heading", level=1)).to_be_focused()


def test_evidence_chain_from_prediction_to_quoted_words(
    kb: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    chain = api_data(web_url, CHAIN, p=f"{KB}pred-stage-7")["evidenceChain"]
    visit = open_page(WIDE)
    visit.go("/evidence/pred-stage-7")
    page = visit.page
    findings = page.locator('ol[data-basis="PREDICTION"] > li.finding')
    direct = [f for f in chain["findings"] if f["basis"] == "PREDICTION"]
    assert any(f["finding"]["source"]["prefix"] for f in direct), "the loader records context"
    assert direct, "pred-stage-7 has findings linked to it in the knowledge base"
    expect(findings).to_have_count(len(direct))
    expect(page.locator("li.finding")).to_have_count(len(chain["findings"]))
    relations = [f["relation"] for f in direct]
    studies = {s["id"] for f in direct for s in f["finding"]["studies"]}
    tally = " · ".join(
        f"{relations.count(r)} {r.lower()}"
        for r in ("SUPPORTS", "CONTRADICTS", "QUALIFIES", "MIXED")
        if relations.count(r)
    )
    expect(page.get_by_test_id("tally")).to_have_text(f"{tally} — from {len(studies)} studies")
    expect(page.locator("#prediction-heading")).to_contain_text("Stage theory")
    expect(page.locator(".prediction .badge")).to_have_attribute("data-stance", "YES")
    expect(page.locator(".prediction .interp-flag")).to_be_visible()
    for item in chain["findings"]:
        finding = item["finding"]
        short = finding["id"].removeprefix(KB)
        shown = page.locator(f'li.finding[id="{short}"]')
        badge = shown.locator(".finding-head .badge")
        if item["relation"]:
            expect(badge).to_have_attribute("data-relation", item["relation"])
        else:  # a finding on the theme's proposition may state no relation (an argued claim)
            expect(shown).to_have_attribute("data-relation", "NONE")
            expect(badge).to_have_text("No relation stated")
        expect(shown.locator(".interp-flag")).to_be_visible()
        expect(shown.locator(".studies > li > a")).to_have_text(
            [f"{s['authors']} ({_year(s)})" for s in finding["studies"]]
        )
        source = finding["source"]
        expect(shown.locator(".chain-substep mark.quote").first).to_have_text(source["quote"])
        expect(shown.locator(".chain-substep .locator").first).to_have_text(source["locator"])
        expect(shown.locator(".chain-substep cite.document").first).to_have_text(
            source["document"]["label"]
        )
        # The quoted words in context: the document's words before and after, when known.
        if source["prefix"]:
            before = shown.locator(".chain-substep blockquote.in-context .context").first
            assert before.inner_text().strip().endswith(source["prefix"].strip()[-30:])
        if source["suffix"]:
            after = shown.locator(".chain-substep blockquote.in-context .context").nth(
                1 if source["prefix"] else 0
            )
            assert after.inner_text().strip().startswith(source["suffix"].strip()[:30])
    assert visit.axe_serious() == []
    findings.first.locator("mark.quote").first.scroll_into_view_if_needed()
    visit.screenshot("evidence-chain")

    # BibTeX on demand: the study's entry exactly as /works.bib gives it.
    first = findings.first
    study_id = chain["findings"][0]["finding"]["studies"][0]["id"]
    first.locator("details.bibtex summary").click()
    expected = httpx.get(f"{web_url}/works.bib", params={"id": study_id}).text
    expect(first.locator("details.bibtex pre")).to_have_text(expected.strip())

    # Another prediction through the picker: one with no finding is shown as a gap.
    # (a combobox: the chain's "Findings on the theme's proposition" region is labelled too)
    page.get_by_role("combobox", name="Perspective").select_option(label="Strategic choice theory")
    page.get_by_role("combobox", name="Theme").select_option(
        label="6. Focus on the firm rather than the entrepreneur"
    )
    page.get_by_role("button", name="Show chain").click()
    expect(page).to_have_url(f"{web_url}/evidence/pred-strategic-choice-6")
    other = api_data(web_url, CHAIN, p=f"{KB}pred-strategic-choice-6")["evidenceChain"]
    assert {f["basis"] for f in other["findings"]} == {"THEME"}
    expect(page.locator('[data-status="empty"]')).to_contain_text("an evidence gap")
    expect(page.locator('ol[data-basis="THEME"] > li.finding')).to_have_count(
        len(other["findings"])
    )


def _year(study: dict[str, Any]) -> str:
    return "n.d." if study["year"] is None else f"{study['year']}{study['yearSuffix'] or ''}"


def test_unknown_prediction_says_not_found(kb: Driver, open_page: Callable[[int], Visit]) -> None:
    visit = open_page(WIDE)
    visit.go("/evidence/pred-nobody-1")
    expect(visit.page.locator('[data-status="not-found"]')).to_contain_text("Not found.")
