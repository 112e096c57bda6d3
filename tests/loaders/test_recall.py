"""Recall of the seed texts: every (sentence, cited work) pair is under a finding or listed in
docs/recall.md with its reason — counts held here and derived there — and the parts that
decide it (sentences, the omission table, stale rows)."""

import subprocess
import sys
from pathlib import Path

import pytest

from loaders.recall import (
    Coverage,
    Omission,
    OmissionError,
    Pair,
    Reason,
    coverage,
    pairs,
    read_omissions,
    split_sentences,
)
from loaders.sources import Layout, parse_files
from smekg.namespaces import KB
from smekg.settings import get_settings
from tests.conftest import ONTOLOGY, ROOT

RECALL_DOC = ROOT / "docs" / "recall.md"
# document -> (pairs, sentences, under a finding, deliberately not encoded): docs/recall.md
COUNTS = {
    "doc-wright2007": (184, 139, 152, 32),
    "doc-chesenik": (161, 96, 120, 41),
}


@pytest.fixture(scope="module")
def status() -> Coverage:
    sources = get_settings().smekg_sources_dir
    assert sources.is_dir(), f"source texts not found at {sources}: set SMEKG_SOURCES_DIR"
    found = pairs(parse_files(Layout(ONTOLOGY).data_files), sources)
    return coverage(found, read_omissions(RECALL_DOC))


def test_every_pair_is_encoded_or_deliberately_left_out(status: Coverage) -> None:
    assert [(p.work, p.sentence[:60]) for p in status.open] == []
    assert [o.line for o in status.stale] == []


def test_counts_per_document(status: Coverage) -> None:
    every = status.encoded + [p for p, _ in status.omitted]
    counted = {}
    for name in COUNTS:
        document = str(KB[name])
        mine = [p for p in every if p.document == document]
        counted[name] = (
            len(mine),
            len({p.sentence for p in mine}),
            sum(p.encoded for p in mine),
            sum(p.document == document for p, _ in status.omitted),
        )
    assert counted == COUNTS


def test_every_reason_is_used_and_explained(status: Coverage) -> None:
    assert {o.reason for _, o in status.omitted} == set(Reason)
    assert all(len(o.why) > 20 for _, o in status.omitted)


def test_a_citation_list_and_an_abbreviation_do_not_end_a_sentence() -> None:
    text = (
        "There is debate (Acs et al., 1997; Holtz-Eakin, 2000). Saleh et al. (2008) found it: "
        "Barriers matter. Then (e.g. A) more; Next one."
    )
    assert split_sentences(text) == [
        "There is debate (Acs et al., 1997; Holtz-Eakin, 2000).",
        "Saleh et al. (2008) found it: Barriers matter.",
        "Then (e.g. A) more;",
        "Next one.",
    ]


def _omission(line: int, begins: str) -> Omission:
    return Omission("doc-a", "work-b", begins, Reason.EXAMPLE, "cited as an instance", line)


def test_a_row_that_explains_no_open_pair_is_stale() -> None:
    document, work = str(KB["doc-a"]), str(KB["work-b"])
    found = [
        Pair(document, work, True, "Encoded sentence."),
        Pair(document, work, False, "Open sentence (B, 2000)."),
    ]
    result = coverage(found, [_omission(7, "Encoded sen"), _omission(9, "Open sen")])
    assert [o.line for o in result.stale] == [7]
    assert [(p.sentence, o.line) for p, o in result.omitted] == [("Open sentence (B, 2000).", 9)]
    assert result.open == []


def test_an_unreadable_row_names_its_line(tmp_path: Path) -> None:
    table = tmp_path / "recall.md"
    table.write_text(
        "# Recall\n\n| kb:doc-a | kb:work-b | Some sentence… | guess | why not |\n",
        encoding="utf-8",
    )
    with pytest.raises(OmissionError, match=r"recall\.md:3: unknown reason 'guess'"):
        read_omissions(table)


def test_the_command_exits_1_naming_a_stale_row(tmp_path: Path) -> None:
    table = tmp_path / "recall.md"
    rows = RECALL_DOC.read_text(encoding="utf-8")
    table.write_text(
        rows
        + "| kb:doc-wright2007 | kb:work-acs1997 | No such sentence… | framing | invented row |\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "commands", "recall", "--omissions", str(table)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    stale_line = len(rows.splitlines()) + 1
    assert f"recall.md:{stale_line}: matches no pair left to explain" in result.stderr
    assert result.stdout == ""
