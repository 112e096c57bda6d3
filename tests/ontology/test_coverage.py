"""Counts that cannot silently shrink. Derivations: ontology/README.md, "Coverage"."""

from loaders.sources import Layout, parse_files
from loaders.stats import class_counts
from tests.conftest import ONTOLOGY

# Exact where the source fixes the number; a floor where the encoding may still grow.
EXACT = {
    "SourceDocument": 2,  # the two seed documents
    "PerspectiveFamily": 2,  # Table 1's two column groups
    "Theme": 9,  # 7 themes + industrial sector + tradability rows of Table 1
    "Prediction": 45,  # 9 rows x 5 columns of Table 1
    "Factor": 6,  # "1) triggering factors; … 6) operations"
    "Category": 48,  # rows of Tables 2-7: 4 + 8 + 14 + 3 + 10 + 9
    "Item": 182,  # the ■ bullets of Tables 2-7
    "ExpertPanel": 1,
}
FLOOR = {
    # 5 review + 5 panel + Uppsala, POM, innovation-related, eclectic, resource dependence
    "Perspective": 15,
    "PerspectiveAlignment": 11,
    "Work": 201,  # 199 cited works + the two source documents
    "Citation": 210,
    # 72 review (71 + Westhead 2005 of "2003, 2005"); 99 panel (86 + Table 1 rows 8 + 5 background)
    "Finding": 171,
    "Implication": 53,  # 38 review + 15 panel
    "QualityNote": 47,  # + 89/70/42 vs Table 1; one reading of Tables 4 and 7
    "TriangulationLink": 10,  # at least one per review perspective, and theme 7
    "ReportedFigure": 38,
    "ExpertGroup": 11,
}


def test_coverage_counts() -> None:
    counts = dict(class_counts(parse_files(Layout(ONTOLOGY).data_files)))
    assert {k: counts[k] for k in EXACT} == EXACT
    assert {k: v for k, v in FLOOR.items() if counts[k] < v} == {}
