"""The ontology with the real knowledge base is consistent (HermiT) and within OWL 2 DL (ROBOT);
each example under ontology/examples/owl/ breaks one of the two and must fail. The tools are
external (owlready2's HermiT on Java 17, ROBOT from Maven Central): these tests fail, never
skip, when Java or ROBOT cannot be had."""

from pathlib import Path

import pytest

from loaders.owl_check import check
from loaders.sources import Layout, parse_files
from tests.conftest import EXAMPLES, ONTOLOGY

OWL_EXAMPLES = sorted((EXAMPLES / "owl").glob("*.ttl"))

EXPECTED = {
    "inconsistent-language-tagged-rationale": "inconsistent (HermiT)",
    "outside-dl-undeclared-property": "Use of undeclared annotation property: <https://w3id.org/sme-intl-kg/ontology#sumary>",
    "outside-dl-punned-property": "Cannot pun between properties: <https://w3id.org/sme-intl-kg/ontology#source>",
}


def test_every_owl_example_has_an_expected_message() -> None:
    assert {p.stem for p in OWL_EXAMPLES} == set(EXPECTED)


def test_ontology_with_knowledge_base_is_consistent_and_dl() -> None:
    report = check(parse_files(Layout(ONTOLOGY).data_files))
    assert report.ok, str(report)


@pytest.mark.parametrize("example", OWL_EXAMPLES, ids=[p.stem for p in OWL_EXAMPLES])
def test_owl_example_fails_for_its_defect(example: Path) -> None:
    report = check(parse_files([ONTOLOGY / "sme.ttl", example]))
    assert not report.ok
    assert EXPECTED[example.stem] in str(report)
