"""What an import, a correction and a withdrawal look like through the public GraphQL API:
the version served, the versions, what changed since one, the quote in context, and
retractions carried down to the findings, evidence chains and evidence-map counts."""

from pathlib import Path
from typing import Any

import httpx

from ingest.correcting import retract
from ingest.withdrawing import withdraw
from loaders.writer import writer_session
from smekg.namespaces import KB
from tests.conftest import graphql
from tests.ingest.conftest import CURATOR, KnowledgeBase, novak_request

DOC = str(KB["doc-fixture-novak2019"])
PREDICTION = str(KB["pred-stage-7"])
CHAIN = """query($p: ID!, $x: Boolean!) { evidenceChain(prediction: $p, excludeCorrected: $x) {
  findings { finding { id flagged studies { id } corrections { kind reason notice curator }
    source { quote prefix suffix document { id } } } } } }"""
MAP = (
    'query($x: Boolean!) { evidenceMap(perspectives: ["' + str(KB["persp-stage"]) + '"], '
    'themes: ["' + str(KB["theme-7"]) + '"], excludeCorrected: $x) '
    "{ supports contradicts qualifies mixed corrected } }"
)


def _data(client: httpx.Client, query: str, **variables: object) -> Any:
    body = graphql(client, query, **variables)
    assert "errors" not in body, body
    return body["data"]


def _findings(client: httpx.Client, exclude: bool) -> dict[str, Any]:
    chain = _data(client, CHAIN, p=PREDICTION, x=exclude)["evidenceChain"]
    return {item["finding"]["id"]: item["finding"] for item in chain["findings"]}


def test_an_import_is_served_with_its_version_and_changes(
    kb: KnowledgeBase, novak: Path, client: httpx.Client
) -> None:
    before = _data(client, "{ knowledgeBase { number version } }")["knowledgeBase"]
    kb.import_sheet(novak_request(novak))
    served = _data(client, "{ knowledgeBase { number version release } }")["knowledgeBase"]
    assert served["number"] == before["number"] + 1
    assert served["version"] != before["version"]
    versions = _data(
        client, "{ versions(limit: 1) { number action documentId curator summary { kind added } } }"
    )
    latest = versions["versions"][0]
    assert (latest["number"], latest["action"], latest["documentId"]) == (
        served["number"],
        "import",
        DOC,
    )
    assert {"kind": "Finding", "added": 2} in latest["summary"]
    changes = _data(
        client,
        "query($s: Int!) { changes(since: $s) { since until documents { documentId "
        "added { kind id } changed { kind id } } } }",
        s=before["number"],
    )["changes"]
    (document,) = changes["documents"]
    assert document["documentId"] == DOC
    assert {"kind": "Perspective", "id": str(KB["persp-stage"])} in document["changed"]
    assert sum(1 for c in document["added"] if c["kind"] == "Finding") == 2
    new = [f for f in _findings(client, False).values() if f["source"]["document"]["id"] == DOC]
    assert len(new) == 2  # one linked to the prediction, one on its theme
    (own,) = [f for f in new if f["studies"] == [{"id": str(KB["work-novak2015"])}]]
    assert own["source"]["prefix"].endswith("was common among the firms we visited. Results ")
    assert own["source"]["suffix"].startswith(". Burgel et al. (2001) likewise")


def test_changes_of_an_import_and_its_withdrawal_cancel_out(
    kb: KnowledgeBase, novak: Path, client: httpx.Client
) -> None:
    start = _data(client, "{ knowledgeBase { number } }")["knowledgeBase"]["number"]
    kb.import_sheet(novak_request(novak))
    with writer_session(kb.driver, kb.settings.neo4j_database) as writer:
        withdraw(writer, kb.layout, KB["doc-fixture-novak2019"], CURATOR.name)
    changes = _data(
        client, "query($s: Int!) { changes(since: $s) { until documents { documentId } } }", s=start
    )["changes"]
    assert changes["until"] == start + 2
    assert changes["documents"] == []


def test_a_retraction_flags_every_finding_and_count_resting_on_the_work(
    kb: KnowledgeBase, client: httpx.Client
) -> None:
    before = _findings(client, False)
    counts = _data(client, MAP, x=False)["evidenceMap"][0]
    with writer_session(kb.driver, kb.settings.neo4j_database) as writer:
        retract(
            writer,
            kb.layout,
            KB["work-burgel2001"],
            "retraction",
            "Test: the data were found to be unreliable (a fictional reason for the test).",
            "https://example.org/fictional-retraction-notice",
            CURATOR,
        )
    flagged = {i: f for i, f in _findings(client, False).items() if f["flagged"]}
    assert flagged, "a finding about Burgel et al. (2001) rests on pred-stage-7"
    for finding in flagged.values():
        assert {s["id"] for s in finding["studies"]} >= {str(KB["work-burgel2001"])}
        (correction,) = finding["corrections"]
        assert (correction["kind"], correction["curator"]) == ("RETRACTION", "Test Curator")
    kept = _findings(client, True)
    assert set(kept) == set(before) - set(flagged)
    after = _data(client, MAP, x=False)["evidenceMap"][0]
    excluded = _data(client, MAP, x=True)["evidenceMap"][0]
    assert after["corrected"] >= 1
    assert _total(after) == _total(counts)
    assert _total(excluded) == _total(counts) - after["corrected"]


def _total(cell: dict[str, int]) -> int:
    return cell["supports"] + cell["contradicts"] + cell["qualifies"] + cell["mixed"]
