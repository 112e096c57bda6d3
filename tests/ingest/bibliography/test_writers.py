"""to_bibtex, to_ris and to_csl_json: what is written reads back as the same entries, for
hand-made entries with the awkward cases and for every work of the knowledge base."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.bibliography import BibEntry, read_bibliography, to_bibtex, to_csl_json, to_ris
from ingest.matching.evaluation.kb_works import KbWork

Writer = Callable[[Sequence[BibEntry]], str]
WRITERS: dict[str, Writer] = {".bib": to_bibtex, ".ris": to_ris, ".json": to_csl_json}

AWKWARD = [
    BibEntry(
        key="quotes2000",
        authors=(("O’Farrell", "P.N."), ("Sørensen", "O.J."), ("van Dijken", "K.A.")),
        year=2000,
        title='"Born Global" firms: 100% of_the risk & more — a \\ test',
        work_type="article",
        venue="Journal of Tests & Examples",
        volume="7",
        issue="2nd Quarter",
        pages="1013-1029",
        doi="10.9999/abc(12)3",
    ),
    BibEntry(
        key="corporate2004b",
        authors=(("Department of Trade and Industry (DTI)", ""), ("McKinsey & Co.", "")),
        year=2004,
        year_suffix="b",
        title="Kiliçaslan and Préfontaine",
        work_type="report",
        venue="London: HMSO",
    ),
    BibEntry(
        key="etal1999",
        authors=(("Westhead", ""),),
        et_al=True,
        year=1999,
        title=None,
        work_type="thesis",
    ),
    BibEntry(key="undated", authors=(("Zizah Che Senik", ""),), year=None, title="Undated"),
]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_awkward_entries_round_trip(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"out{suffix}"
    path.write_text(WRITERS[suffix](AWKWARD), encoding="utf-8")
    assert read_bibliography(path) == AWKWARD


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_the_knowledge_base_works_round_trip(
    suffix: str, tmp_path: Path, works: list[KbWork]
) -> None:
    """All 201 works. No format has a type for "unknown" (no reference entry): those are
    written as a generic type and read back as "other"."""
    entries = [work.entry for work in works]
    expected = [replace(e, work_type="other") if e.work_type == "unknown" else e for e in entries]
    path = tmp_path / f"kb{suffix}"
    path.write_text(WRITERS[suffix](entries), encoding="utf-8")
    assert read_bibliography(path) == expected


def test_bibtex_is_written_with_latex_escapes_and_others() -> None:
    text = to_bibtex(AWKWARD[1:3])
    assert "author = {{Department of Trade and Industry (DTI)} and {McKinsey \\& Co.}}" in text
    assert "year = {2004b}" in text
    assert "author = {{Westhead} and others}" in text
    assert "@phdthesis{etal1999," in text


def test_ris_is_written_with_ris_tags() -> None:
    text = to_ris(AWKWARD[:1])
    for line in ["TY  - JOUR", "AU  - O’Farrell, P.N.", "SP  - 1013", "EP  - 1029", "ER  - "]:
        assert line in text.splitlines()
