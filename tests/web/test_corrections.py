"""A study retracted after it was cited, as a reader sees it: the findings resting on it are
flagged with the reason and the notice, counted apart on the gap map, and can be left out.
The retraction is written by the write side (`ingest.correcting.retract`) into a copy of
the knowledge base loaded into the test Neo4j, never into ontology/."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver
from playwright.sync_api import expect

from ingest.correcting import retract
from ingest.provenance import Curator
from loaders.pipeline import load
from loaders.sources import Layout
from loaders.writer import writer_session
from smekg.namespaces import KB
from smekg.settings import Settings
from tests.conftest import ONTOLOGY
from tests.web.conftest import WIDE, Visit, api_data

WORK = KB["work-burgel2001"]
REASON = "Test: the data were found to be unreliable (a fictional reason for the test)."
NOTICE = "https://example.org/fictional-retraction-notice"
MAP = """query($x: Boolean!) { evidenceMap(excludeCorrected: $x) {
  predictionId supports contradicts qualifies mixed corrected } }"""
CHAIN = """query($x: Boolean!) {
  evidenceChain(prediction: "https://w3id.org/sme-intl-kg/kb/pred-stage-7", excludeCorrected: $x) {
    findings { finding { id flagged } } } }"""


@pytest.fixture
def retracted(clean_db: Driver, settings: Settings, tmp_path: Path) -> Driver:
    """A copy of the knowledge base, loaded, with Burgel et al. (2001) then retracted."""
    root = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, root, ignore=shutil.ignore_patterns("examples"))
    layout = Layout(root)
    load(layout, clean_db, settings.neo4j_database)
    curator = Curator("Test Curator", "https://orcid.org/0000-0002-1825-0097")
    with writer_session(clean_db, settings.neo4j_database) as writer:
        retract(writer, layout, WORK, "retraction", REASON, NOTICE, curator)
    return clean_db


def _total(cell: dict[str, int]) -> int:
    return cell["supports"] + cell["contradicts"] + cell["qualifies"] + cell["mixed"]


def test_a_retraction_is_flagged_counted_apart_and_can_be_left_out(
    retracted: Driver, open_page: Callable[[int], Visit], web_url: str
) -> None:
    stage7 = f"{KB}pred-stage-7"
    counts = {c["predictionId"]: c for c in api_data(web_url, MAP, x=False)["evidenceMap"]}
    kept = {c["predictionId"]: c for c in api_data(web_url, MAP, x=True)["evidenceMap"]}
    assert counts[stage7]["corrected"] >= 1

    visit = open_page(WIDE)
    visit.go("/gaps")
    page = visit.page
    cell = page.locator(f'a.heat[data-prediction="{stage7}"]')
    expect(cell.locator(".corrected-mark")).to_have_attribute(
        "data-corrected", str(counts[stage7]["corrected"])
    )
    expect(cell).to_have_attribute("data-total", str(_total(counts[stage7])))
    page.get_by_label("Leave out findings on studies since retracted or corrected").check()
    expect(page).to_have_url(f"{web_url}/gaps?exclude=corrected")
    expect(cell).to_have_attribute("data-total", str(_total(kept[stage7])))
    visit.screenshot("gap-map-retraction")

    cell.click()
    expect(page).to_have_url(f"{web_url}/evidence/pred-stage-7?exclude=corrected")
    without = api_data(web_url, CHAIN, x=True)["evidenceChain"]["findings"]
    expect(page.locator("li.finding")).to_have_count(len(without))
    page.get_by_label("Leave out findings on studies since retracted or corrected").uncheck()
    expect(page).to_have_url(f"{web_url}/evidence/pred-stage-7")
    flagged = [f["finding"] for f in api_data(web_url, CHAIN, x=False)["evidenceChain"]["findings"]]
    flagged = [f for f in flagged if f["flagged"]]
    assert flagged
    shown = page.locator('li.finding[data-flagged="true"]')
    expect(shown).to_have_count(len(flagged))
    notice = shown.first.locator(".corrections")
    expect(notice).to_contain_text("Retracted")
    expect(notice).to_contain_text(REASON)
    expect(notice.get_by_role("link", name=NOTICE)).to_have_attribute("href", NOTICE)
    assert visit.axe_serious() == []
    notice.scroll_into_view_if_needed()
    visit.screenshot("evidence-chain-retraction")

    visit.go("/studies/work-burgel2001")
    expect(page.locator(".corrections").first).to_contain_text(REASON)
