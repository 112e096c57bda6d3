"""The curator's decision file: read from TOML or JSON, applied before matching, never a
silent merge: a decision must name a candidate work."""

import json
from pathlib import Path

import pytest

from ingest.bibliography import BibEntry
from ingest.matching import Candidate, DecisionError, Decisions, MatchKind, match_entry
from smekg.namespaces import KB

W2004A = Candidate(f"{KB}work-w2004a", "Westhead et al.", 2004, "a")
W2004B = Candidate(f"{KB}work-w2004b", "Westhead et al.", 2004, "b")
GRAPH = [W2004A, W2004B]
AMBIGUOUS = BibEntry(
    key="westhead2004", authors=(("Westhead", "P."),), et_al=True, year=2004, title=None
)


def test_toml_decisions_settle_an_ambiguous_entry(tmp_path: Path) -> None:
    assert match_entry(AMBIGUOUS, GRAPH).kind is MatchKind.AMBIGUOUS
    path = tmp_path / "decisions.toml"
    path.write_text('[decisions]\nwesthead2004 = "kb:work-w2004b"\n', encoding="utf-8")
    decisions = Decisions.load(path)
    match = match_entry(AMBIGUOUS, GRAPH, decisions)
    assert (match.kind, match.work, match.decided) == (MatchKind.VARIANT, W2004B.iri, True)
    assert [str(d.kind) for d in match.differences] == ["year suffix"]
    assert match.reason == "the curator decided"


def test_json_decisions_can_say_new(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"decisions": {"westhead2004": "new"}}), encoding="utf-8")
    match = match_entry(AMBIGUOUS, GRAPH, Decisions.load(path))
    assert (match.kind, match.work, match.decided) == (MatchKind.NEW, None, True)


def test_a_decision_for_a_work_that_is_not_a_candidate_is_an_error() -> None:
    decisions = Decisions({"westhead2004": f"{KB}work-nowhere"}, "d.toml")
    with pytest.raises(DecisionError, match=r"d\.toml: decision for 'westhead2004' names"):
        match_entry(AMBIGUOUS, GRAPH, decisions)


def test_entries_without_a_decision_are_matched_as_usual() -> None:
    decisions = Decisions({"other": "new"})
    assert match_entry(AMBIGUOUS, GRAPH, decisions).kind is MatchKind.AMBIGUOUS
    assert decisions.unused(["westhead2004"]) == ["other"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("d.toml", "decisions = [", "TOML syntax error"),
        ("d.json", '{"decisions": {', "d.json:1: JSON syntax error"),
        ("d.toml", "[other]\nx = 1\n", "no 'decisions' table"),
        ("d.toml", '[decisions]\nx = "work-1"\n', "neither a work IRI"),
        ("d.toml", "[decisions]\nx = 3\n", "expected a work IRI or 'new'"),
        ("d.yaml", "decisions: {}\n", "unknown decision file format"),
    ],
)
def test_bad_decision_files_are_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DecisionError, match=message) as raised:
        Decisions.load(path)
    assert str(raised.value).startswith(str(path))
