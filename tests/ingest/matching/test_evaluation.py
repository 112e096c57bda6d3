"""The matcher measured on the knowledge base's 201 works (issue 10, part 3): seeded
perturbations exported as BibTeX and RIS, read back, matched against all works and, left out
one at a time, against the others. Correctness, not timing: docs/work-matching.md reports the
numbers and explains the targets asserted here."""

import pytest

from ingest.matching.evaluate import DEFAULT_SEED
from ingest.matching.evaluation.kb_works import KbWork
from ingest.matching.evaluation.measure import FORMATS, Report, evaluate


@pytest.fixture(scope="module", params=sorted(FORMATS))
def report(request: pytest.FixtureRequest, works: list[KbWork]) -> Report:
    return evaluate(works, DEFAULT_SEED, request.param)


def test_all_201_works_are_measured(report: Report) -> None:
    assert report.works == 201
    assert report.total.entries > 1200
    assert report.round_trip_changes == []


def test_comparing_only_the_blocked_candidates_changes_no_outcome(report: Report) -> None:
    assert report.blocking_changes == []


def test_matching_through_the_indexed_pool_changes_no_match(report: Report) -> None:
    """The importer's path (a CandidatePool, comparing only the candidates that can count)
    gives the very Match, reasons and ranked candidates included, that assessing every
    candidate gives, with and without the entry's work in the graph."""
    assert report.pool_changes == []


def test_no_false_merge_with_or_without_the_work_in_the_graph(report: Report) -> None:
    assert report.false_merges == []
    assert report.total.precision == 1.0


def test_every_entry_reaches_its_work_automatically_or_through_the_curator(report: Report) -> None:
    total = report.total
    assert total.lost == 0
    assert total.reached >= 0.98


def test_recall_is_at_least_98_percent_where_the_graph_knows_the_title(report: Report) -> None:
    assert report.total.titled_recall >= 0.98
    for kind in ("clean", "surname typo", "title typo", "given names", "venue", "et al."):
        assert report.by_kind[kind].recall == 1.0, kind


def test_overall_recall_stays_at_its_measured_level(report: Report) -> None:
    """87.2% at seed 10: a year one off on a work known only as "Authors Year" stops for the
    curator by design (docs/work-matching.md). A drop below 85% is a regression."""
    assert report.total.recall >= 0.85
