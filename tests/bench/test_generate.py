"""The property-graph-level scale generator equals mapping the generated Turtle (no database).

``scaled_graph().graphs(k)`` must yield exactly ``to_property_graph(parse(generate(k)))``:
same nodes (IRI, labels, every property), same relationships, no duplicates; and the CSV
export for neo4j-admin must hold one row per node and per relationship.
"""

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from bench.admin_import import export_csv, export_scaled_csv
from bench.generate import ScaledGraph, generate, scaled_graph
from loaders.mapping import EdgeRecord, NodeRecord, PropertyGraph, to_property_graph
from loaders.sources import Layout, parse_files

ROOT = Path(__file__).resolve().parent.parent.parent
ONTOLOGY = ROOT / "ontology"

NodeKey = tuple[str, tuple[str, ...], tuple[tuple[str, Any], ...]]


@pytest.fixture(scope="module")
def scaled() -> ScaledGraph:
    return scaled_graph()


def _nodes(nodes: Iterable[NodeRecord]) -> list[NodeKey]:
    return sorted(
        (n.iri, n.labels, tuple(sorted((k, repr(v)) for k, v in n.props.items()))) for n in nodes
    )


def _edges(edges: Iterable[EdgeRecord]) -> list[tuple[str, str, str]]:
    return sorted((e.source, e.type, e.target) for e in edges)


def _whole(scaled: ScaledGraph, scale: int) -> PropertyGraph:
    whole = PropertyGraph()
    for part in scaled.graphs(scale):
        whole.nodes.extend(part.nodes)
        whole.edges.extend(part.edges)
    return whole


def test_scale_one_is_the_real_knowledge_base(scaled: ScaledGraph) -> None:
    graph = parse_files(Layout(ONTOLOGY).data_files)
    real = to_property_graph(graph)
    assert _nodes(scaled.fixed.nodes) == _nodes(real.nodes)
    assert _edges(scaled.fixed.edges) == _edges(real.edges)
    assert scaled.triples(1) == len(graph)


@pytest.mark.parametrize("scale", [2, 3])
def test_equals_mapping_of_generated_turtle(
    scaled: ScaledGraph, scale: int, tmp_path: Path
) -> None:
    graph = parse_files(generate(tmp_path / "ontology", scale).layout.data_files)
    expected = to_property_graph(graph)
    ours = _whole(scaled, scale)
    assert len(ours.nodes) == scaled.nodes(scale) == len(expected.nodes)
    assert len(ours.edges) == scaled.relationships(scale) == len(expected.edges)
    assert _nodes(ours.nodes) == _nodes(expected.nodes)
    assert _edges(ours.edges) == _edges(expected.edges)
    assert scaled.triples(scale) == len(graph)


def test_copies_share_the_ontology_nodes_and_link_to_them(scaled: ScaledGraph) -> None:
    kb = "https://w3id.org/sme-intl-kg/kb/"
    shared = {n.iri for n in scaled.fixed.nodes if not n.iri.startswith(kb)}
    assert shared  # classes, stances, ... exist once, not per copy
    copy = scaled.copy(7)
    assert all(n.iri.endswith("-s7") and n.props["iri"] == n.iri for n in copy.nodes)
    assert any(e.target in shared for e in copy.edges)
    assert all(e.source.endswith("-s7") or e.target.endswith("-s7") for e in copy.edges)


def _csv_rows(args: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Rows per header (node files of one signature, or relationships), header excluded."""
    rows: dict[str, list[tuple[str, ...]]] = {}
    for arg in args:
        path = Path(arg.split("=", 1)[1])
        with path.open(encoding="utf-8", newline="") as handle:
            header, *body = list(csv.reader(handle))
        rows.setdefault(",".join(header), []).extend(tuple(row) for row in body)
    return {header: sorted(body) for header, body in rows.items()}


def test_scaled_csv_has_a_row_per_node_and_relationship(
    scaled: ScaledGraph, tmp_path: Path
) -> None:
    export = export_scaled_csv(scaled, 2, tmp_path / "scaled")
    rows = _csv_rows(export.args)
    relationships = rows.pop(":START_ID,:TYPE,:END_ID")
    assert export.nodes == sum(len(body) for body in rows.values()) == scaled.nodes(2)
    assert export.relationships == len(relationships) == scaled.relationships(2)
    assert len(set(relationships)) == len(relationships)
    # the same files, row for row, as exporting the whole graph at once
    assert _csv_rows(export_csv(_whole(scaled, 2), tmp_path / "whole")) == {
        **rows,
        ":START_ID,:TYPE,:END_ID": relationships,
    }
