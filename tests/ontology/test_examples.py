"""Quality rules are data: valid examples pass, each invalid example fails for its one defect."""

from pathlib import Path

import pytest

from loaders.errors import LoadError
from loaders.pipeline import read_valid_graph
from loaders.sources import Layout
from tests.conftest import EXAMPLES, ONTOLOGY, make_layout

VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))

EXPECTED = {
    "prediction-without-source": "names at least one source excerpt",
    "excerpt-without-quote": "non-empty verbatim quote",
    "stance-not-interpreted": "who interpreted it",
    "blank-cell-with-stance": "blank-cell-stance-violation",
    "prediction-two-stances": "exactly one normalized stance",
    "excerpt-without-document": "exactly one source document",
    "work-bad-type": "workType is one of",
    "syntax-error": "syntax-error.ttl:4: Turtle syntax error",
    "blank-node": "blank node",
    "finding-without-study": "names the study it is about",
    "excerpt-without-locator": "says where it stands",
    "category-share-above-one": "share of experts between 0 and 1",
    "category-without-factor": "belongs to exactly one factor",
    "quality-note-one-side": "each side of the disagreement",
    "finding-misspelt-property": "<https://w3id.org/sme-intl-kg/ontology#sumary>: Node",
    "work-misspelt-class": "unknown-class-violation",
    "finding-summary-language-tagged": "a plain string (no language tag)",
    "category-label-without-language": "language-tagged (@en)",
    "finding-attributed-to-uncited-work": "finding-attribution-violation",
    "work-with-text-file": "document-property-on-work-violation",
    "finding-hedge-dropped": "finding-hedge-dropped-violation",
    "finding-sample-not-in-text": "finding-context-unquoted-violation",
    "finding-without-kind": "an empirical result, a statistic or an argued claim",
    "triangulation-one-sided": "triangulation-one-sided-violation",
    "iri-with-space": "iri-with-space.ttl:17: IRI <https://w3id.org/sme-intl-kg/kb/example-src "
    "stage> is not an IRI: it contains ' '",
    "integer-beyond-int64": "integer-beyond-int64.ttl:45: integer 99999999999999999999 is beyond",
}


def test_every_invalid_example_has_an_expected_message() -> None:
    assert {p.stem for p in INVALID} == set(EXPECTED)


@pytest.mark.parametrize("example", VALID, ids=[p.stem for p in VALID])
def test_valid_example_passes(tmp_path: Path, example: Path) -> None:
    assert len(read_valid_graph(make_layout(tmp_path, example))) > 0


@pytest.mark.parametrize("example", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_example_fails_for_its_defect(tmp_path: Path, example: Path) -> None:
    with pytest.raises(LoadError) as error:
        read_valid_graph(make_layout(tmp_path, example))
    assert EXPECTED[example.stem] in str(error.value)


def test_bundled_knowledge_base_is_valid() -> None:
    assert len(read_valid_graph(Layout(ONTOLOGY))) > 0
