"""The indexed candidate pool leaves out only candidates whose assessment cannot count: every
candidate that is compatible or has the entry's DOI is among ``relevant``. Checked for every
pair of the knowledge base's works (each one's author list and year as the entry) and for the
name rules one at a time (names written for the tests)."""

import pytest

from ingest.matching import Candidate, CandidatePool, parse_author_list
from ingest.matching.compare import Record, assess, candidate_record, make_record
from ingest.matching.evaluation.kb_works import KbWork


def _counting(record: Record, candidates: list[Candidate]) -> set[str]:
    """The candidates ``decide`` would look at: compatible, or with the entry's DOI."""
    counted = set()
    for candidate in candidates:
        scored = assess(record, candidate_record(candidate), candidate.iri)
        if scored.compatible or "doi" in scored.confirmed:
            counted.add(candidate.iri)
    return counted


def _relevant(record: Record, pool: CandidatePool) -> set[str]:
    return {c.iri for c, _ in pool.relevant(record)}


def test_every_counting_candidate_is_relevant_for_every_pair_of_kb_works(
    works: list[KbWork],
) -> None:
    candidates = [w.candidate for w in works]
    pool = CandidatePool(candidates)
    left_out = 0
    for work in works:
        record = candidate_record(work.candidate)
        counting = _counting(record, candidates)
        relevant = _relevant(record, pool)
        assert counting <= relevant, work.iri
        left_out += len(candidates) - len(relevant)
    assert left_out > len(works) * (len(works) - 20)  # the pool does leave most out


def _entry(authors: str, year: int | None = 2004, doi: str | None = None) -> Record:
    return make_record(parse_author_list(authors), year, None, "A title of some length", doi)


GRAPH = [
    Candidate("kb:coviello", "Coviello, N.E. & Munro, H.J.", 1997, title="Network relationships"),
    Candidate("kb:naidu", "Naidu, G.M. & Prasad, V.K.", 1994, title="Predictors of export"),
    Candidate("kb:senik", "Che Senik, Z., Scott-Ladd, B. & Entrekin, L.", 2011, title="A model"),
    Candidate("kb:dti", "Department of Trade and Industry (DTI)", 2004, title="A report"),
    Candidate("kb:nobody", "", 2004, title="An anonymous report"),
    Candidate("kb:doi", "Wright, M.", 2007, title="A critique", doi="10.9/X"),
    Candidate("kb:ray", "Ray, D.", 2001, title="Some work"),
]


@pytest.mark.parametrize(
    ("authors", "doi", "expected"),
    [
        ("Covello, N.", None, {"kb:coviello", "kb:nobody"}),  # spelling, Jaro-Winkler 0.97
        ("Naodu, G.M.", None, {"kb:naidu", "kb:nobody"}),  # one edit off a short name
        ("Zizah Che Senik", None, {"kb:senik", "kb:nobody"}),  # one side split the name
        ("Senik, Z.", None, {"kb:senik", "kb:nobody"}),  # the last word of the family name
        ("DTI", None, {"kb:dti", "kb:nobody"}),  # a corporate author's alias
        ("Someone, A.", "10.9/x", {"kb:doi", "kb:nobody"}),  # the DOI alone
        ("Roy, D.", None, {"kb:nobody"}),  # a short name one letter off is another name
    ],
)
def test_relevant_candidates_by_name_rule(
    authors: str, doi: str | None, expected: set[str]
) -> None:
    record = _entry(authors, doi=doi)
    relevant = _relevant(record, CandidatePool(GRAPH))
    assert _counting(record, GRAPH) <= relevant
    assert relevant == expected


def test_an_entry_without_authors_is_compared_with_every_candidate() -> None:
    record = make_record(parse_author_list(""), 2004, None, "A report", None)
    assert _relevant(record, CandidatePool(GRAPH)) == {c.iri for c in GRAPH}
