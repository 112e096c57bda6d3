"""read_bibliography on valid files of each format, and every kind of bad input: one error per
problem, naming the file and the line (or record), and nothing returned."""

from dataclasses import replace
from pathlib import Path

import pytest

from ingest.bibliography import BibEntry, BibliographyError, Location, read_bibliography

FIXTURES = Path(__file__).parent / "fixtures"

SMITH = BibEntry(
    key="smith2001",
    authors=(("Smith", "John A."), ("Björkman", "Ingrid"), ("van Dijken", "K. A.")),
    year=2001,
    title="A Study of Networks & Firms",
    work_type="article",
    venue="Journal of Test Studies",
    volume="12",
    issue="3",
    pages="101-120",
    doi="10.9999/test.2001.12",
)
AGENCY = BibEntry(
    key="agency2004a",
    authors=(("Department of Testing and Examples (DTE)", ""),),
    year=2004,
    year_suffix="a",
    title="Annual Report on Examples",
    work_type="report",
    venue="Example Press",
)
JONES = BibEntry(
    key="jones1999",
    authors=(("Jones", "M."),),
    et_al=True,
    year=1999,
    title="Chapters in Tests",
    work_type="chapter",
    venue="Handbook of Test Fixtures",
)


def test_bibtex_entries_are_decoded_split_and_normalized() -> None:
    entries = read_bibliography(FIXTURES / "valid.bib")
    assert entries[:3] == [SMITH, AGENCY, JONES]
    assert entries[3] == BibEntry(
        key="editors2010",
        authors=(("Lee", "Kim"),),
        year=2010,
        title="An Edited Book",
        work_type="book",
        venue="London: Example Press",
    )
    assert entries[4].key == "obrien2003"  # generated: the entry has none
    assert entries[4].authors == (("O'Brien", "Pat"),)
    assert entries[4].work_type == "conference-paper"


def test_bibtex_entries_know_where_they_are_and_how_they_were_printed() -> None:
    path = FIXTURES / "valid.bib"
    first = read_bibliography(path)[0]
    assert first.location == Location(path, record=1, line=3)
    assert str(first.location) == f"{path}:3"
    assert first.entry_type == "article"
    assert first.printed.startswith("@article{smith2001,")
    assert 'Bj{\\"o}rkman' in first.printed


def test_ris_records_are_read_with_rispy() -> None:
    path = FIXTURES / "valid.ris"
    entries = read_bibliography(path)
    assert entries == [
        replace(SMITH, authors=SMITH.authors[:2]),
        AGENCY,
        JONES,  # no ID in the file: the key is generated
    ]
    assert entries[1].location == Location(path, record=2, line=15)
    assert entries[1].printed.splitlines()[0] == "TY  - RPRT"
    assert entries[1].printed.splitlines()[-1].rstrip() == "ER  -"


def test_csl_json_items_are_read() -> None:
    path = FIXTURES / "valid.json"
    entries = read_bibliography(path)
    smith = replace(SMITH, authors=(SMITH.authors[0], SMITH.authors[2]))
    assert entries == [smith, AGENCY, JONES]
    assert str(entries[2].location) == f"{path}: record 3"
    assert '"literal": "others"' in entries[2].printed


def test_a_ris_record_without_year_is_read_without_one() -> None:
    (entry,) = read_bibliography(FIXTURES / "no-year.ris")
    assert entry.year is None
    assert entry.year_suffix is None
    assert entry.title == "A Study Without a Year"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("syntax-error.bib", "syntax-error.bib:6: BibTeX syntax error: Unexpected block start"),
        ("latin1.bib", "latin1.bib:3: not UTF-8 (byte 0xE9 at column 15)"),
        ("duplicate-keys.bib", "duplicate-keys.bib:7: duplicate key 'smith2001' (first used"),
        ("bad-year.bib", "bad-year.bib:1 (key 'vague1990'): year 'circa 1990' is not a year"),
        ("bad-doi.bib", "bad-doi.bib:1 (key 'nodoi2000'): DOI 'not a doi' is not a DOI"),
        ("empty.bib", "empty.bib: no bibliography entries found"),
        ("missing-er.ris", "missing-er.ris:7: RIS record has no 'ER  -' end line"),
        ("duplicate-ids.ris", "duplicate-ids.ris:8: duplicate key 'smith2001'"),
        ("bad-year.ris", "bad-year.ris:1 (record 1): year '19x9' is not a year"),
        ("syntax-error.json", "syntax-error.json:5: JSON syntax error: Expecting ','"),
        ("not-a-list.json", "not-a-list.json: CSL-JSON must be a list of items, found dict"),
        ("bad-year.json", "bad-year.json: record 2 (id 'short199'): year '199' is not a year"),
        ("refs.txt", "refs.txt: unknown bibliography format (expected .bib, .json, .ris)"),
    ],
)
def test_bad_input_is_one_error_per_problem_naming_file_and_line(name: str, message: str) -> None:
    with pytest.raises(BibliographyError) as raised:
        read_bibliography(FIXTURES / name)
    (problem,) = raised.value.problems
    assert problem.startswith(str(FIXTURES / name))
    assert message in problem
    assert "\n" not in problem


def test_every_problem_of_a_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "two-problems.bib"
    path.write_text(
        "@article{a2000, author = {A, B}, title = {T}, year = {20x0}}\n"
        "@article{b2001, author = {B, C}, title = {U}, year = {2001}, doi = {nope}}\n",
        encoding="utf-8",
    )
    with pytest.raises(BibliographyError) as raised:
        read_bibliography(path)
    assert [p.split(": ", 1)[0] for p in raised.value.problems] == [
        f"{path}:1 (key 'a2000')",
        f"{path}:2 (key 'b2001')",
    ]


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BibliographyError, match="cannot read"):
        read_bibliography(tmp_path / "absent.bib")


def test_generated_keys_are_stable_and_unique(tmp_path: Path) -> None:
    path = tmp_path / "keyless.ris"
    record = "TY  - JOUR\nAU  - Smith, John\nTI  - {}\nPY  - 2001\nER  - \n\n"
    path.write_text(record.format("One") + record.format("Two"), encoding="utf-8")
    keys = [e.key for e in read_bibliography(path)]
    assert keys == ["smith2001", "smith2001-2"]
    assert [e.key for e in read_bibliography(path)] == keys


def test_windows_line_endings_a_byte_order_mark_and_capitalized_others(tmp_path: Path) -> None:
    path = tmp_path / "windows.bib"
    text = "@article{w2001,\r\n  author = {Smith, J. and Others},\r\n  year = {2001}\r\n}\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (entry,) = read_bibliography(path)
    assert (entry.key, entry.authors, entry.et_al, entry.year) == (
        "w2001",
        (("Smith", "J."),),
        True,
        2001,
    )
