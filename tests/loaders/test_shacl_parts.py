"""SHACL by parts (loaders/shacl.py) gives the verdicts of the whole graph: on every example,
cut into parts of a few subjects, in this process and in forked workers. And the shapes use
only what the parts' reasoning covers."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import SH

from loaders import shacl
from loaders.shacl import shacl_violations
from loaders.sources import Layout, parse_file, parse_quads
from tests.conftest import EXAMPLES, ONTOLOGY

EXAMPLE_FILES = [
    p
    for kind in ("valid", "invalid")
    for p in sorted((EXAMPLES / kind).glob("*.ttl"))
    # refused by the parser, before SHACL
    if p.stem not in ("syntax-error", "blank-node", "iri-with-space")
]
# What a part can judge: a focus node's own values and the classes of the nodes they name.
COVERED = {
    SH.targetClass, SH.path, SH.property, SH.minCount, SH.maxCount, SH.datatype, SH.languageIn,
    SH["in"], SH.pattern, SH.minLength, SH.maxLength, SH["class"], SH["or"], SH.closed,
    SH.ignoredProperties, SH.nodeKind, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
    SH.maxExclusive, SH.message, SH.name, SH.severity, SH.description,
}  # fmt: skip


def _shapes() -> bytes:
    quads = [q for path in Layout(ONTOLOGY).shape_files for q in parse_quads(path)]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def _store(*files: Path) -> ox.Store:
    store = ox.Store()
    for path in files:
        store.bulk_extend(parse_quads(path))
    return store


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_parts_give_the_verdict_of_the_whole_graph(example: Path) -> None:
    store = _store(ONTOLOGY / "sme.ttl", example)
    whole = shacl_violations(store, _shapes(), size=10**9, workers=1)
    assert shacl_violations(store, _shapes(), size=3, workers=1, whole_up_to=0) == whole


def test_forked_workers_give_the_same_violations() -> None:
    store = _store(ONTOLOGY / "sme.ttl", *(EXAMPLES / "invalid").glob("category-*.ttl"))
    whole = shacl_violations(store, _shapes(), size=10**9, workers=1)
    assert whole  # the examples break shapes
    assert shacl_violations(store, _shapes(), size=40, workers=2, whole_up_to=0) == whole


@pytest.mark.parametrize(
    ("workers", "resident", "available", "forked"),
    [(2, 200, 10_000, 2), (2, 14_000, 20_000, 1), (2, 14_000, 28_000, 2), (8, 1, 3, 3)],
)
def test_workers_are_as_many_as_memory_holds_copies_of_the_loader(
    workers: int, resident: int, available: int, forked: int
) -> None:
    """A worker may come to copy the loader (shared pages are copied when written): no more
    workers than available memory holds such copies; below two, none (this process)."""
    assert shacl.affordable(workers, resident, available) == forked


def test_the_shapes_use_only_what_parts_can_judge() -> None:
    shapes = Graph()
    for path in Layout(ONTOLOGY).shape_files:
        parse_file(path, into=shapes)
    used = {str(p) for p in shapes.predicates() if str(p).startswith(str(SH))}
    assert used <= {str(c) for c in COVERED}, f"a shape uses {sorted(used)}: see loaders/shacl.py"
