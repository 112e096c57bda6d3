"""pyshacl-turbo replaced pyshacl (decision 0027) on one condition: the same verdicts. Every
example in ontology/examples/{valid,invalid} and the real knowledge base get the same
violations (focus node, path, constraint) from both engines, with our shapes."""

from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pyshacl_turbo
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH

from loaders.sources import Layout, parse_file, parse_files, parse_quads
from tests.conftest import EXAMPLES, ONTOLOGY

EXAMPLE_FILES = [
    p
    for p in sorted((EXAMPLES / "valid").glob("*.ttl"))
    + sorted((EXAMPLES / "invalid").glob("*.ttl"))
    # refused by the reader, before SHACL
    if p.stem not in ("syntax-error", "blank-node", "iri-with-space", "integer-beyond-int64")
]
Verdict = set[tuple[str, str, str]]


def _verdict(report: Graph) -> Verdict:
    found = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        found.add(
            (
                str(report.value(result, SH.focusNode)),
                str(path) if isinstance(path, URIRef) else "",
                str(report.value(result, SH.sourceConstraintComponent)),
            )
        )
    return found


def _store(files: list[Path]) -> ox.Store:
    store = ox.Store()
    for path in files:
        store.bulk_extend(parse_quads(path))
    return store


def _both(files: list[Path]) -> tuple[Verdict, Verdict]:
    shape_files = Layout(ONTOLOGY).shape_files
    graph = parse_files(files)
    assert not any(isinstance(t, BNode) for triple in graph for t in triple)
    shapes = Graph()
    for path in shape_files:
        parse_file(path, into=shapes)
    reference = pyshacl.validate(graph, shacl_graph=shapes, advanced=True)[1]
    turbo = pyshacl_turbo.validate(_store(files), shacl_graph=_store(shape_files), advanced=True)[1]
    return _verdict(reference), _verdict(turbo)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_same_verdict_on_every_example(example: Path) -> None:
    reference, turbo = _both([ONTOLOGY / "sme.ttl", example])
    assert turbo == reference


def test_the_examples_exercise_the_shapes() -> None:
    """The comparison means something: most invalid examples break a shape."""
    broken = [p for p in EXAMPLE_FILES if _both([ONTOLOGY / "sme.ttl", p])[0]]
    assert len(broken) >= 15


def test_same_verdict_on_the_real_knowledge_base() -> None:
    reference, turbo = _both(Layout(ONTOLOGY).data_files)
    assert turbo == reference == set()
