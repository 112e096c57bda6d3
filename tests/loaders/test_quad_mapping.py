"""The load path's mapping (Oxigraph quads as parsed) gives exactly the property graph of the
rdflib mapping, on the real knowledge base, the tricky literals and every valid example."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from loaders.errors import LoadError
from loaders.mapping import to_property_graph
from loaders.quad_mapping import QuadCollector
from loaders.sources import Layout, parse_files, read_files
from tests.conftest import EXAMPLES, ONTOLOGY
from tests.loaders.test_mapping import TRICKY

VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))


def test_real_knowledge_base_maps_the_same() -> None:
    files = Layout(ONTOLOGY).data_files
    collected = read_files(files).collected.build()
    expected = to_property_graph(parse_files(files))
    assert collected.nodes == expected.nodes
    assert collected.edges == expected.edges


def test_literals_map_the_same_with_list_keys() -> None:
    collector = QuadCollector()
    collector.add(ox.parse(TRICKY.encode(), format=ox.RdfFormat.TURTLE))
    graph = Graph().parse(data=TRICKY, format="turtle")
    for list_keys in (frozenset(), frozenset({"summary", "sampleSize"})):
        collected, expected = collector.build(list_keys), to_property_graph(graph, list_keys)
        assert (collected.nodes, collected.edges) == (expected.nodes, expected.edges)


def test_decimals_keep_their_written_form() -> None:
    """A store would read "0.50" back as "0.5"; the parser's quads keep what was written."""
    turtle = (
        "@prefix smeo: <https://w3id.org/sme-intl-kg/ontology#> .\n"
        "<https://w3id.org/sme-intl-kg/kb/c> smeo:share 0.50 .\n"
    )
    collector = QuadCollector()
    collector.add(ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE))
    (node,) = collector.build().nodes
    assert node.props["share"] == "0.50"
    assert [node] == to_property_graph(Graph().parse(data=turtle, format="turtle")).nodes


@pytest.mark.parametrize("example", VALID, ids=[p.stem for p in VALID])
def test_valid_examples_map_the_same(example: Path) -> None:
    files = [ONTOLOGY / "sme.ttl", example]
    collected = read_files(files).collected.build()
    expected = to_property_graph(parse_files(files))
    assert (collected.nodes, collected.edges) == (expected.nodes, expected.edges)


def test_blank_nodes_and_syntax_errors_name_the_file() -> None:
    for name, message in (
        ("blank-node", "blank-node.ttl: blank node in triple"),
        ("syntax-error", "syntax-error.ttl:4: Turtle syntax error"),
    ):
        with pytest.raises(LoadError) as error:
            read_files([ONTOLOGY / "sme.ttl", EXAMPLES / "invalid" / f"{name}.ttl"])
        assert message in str(error.value)
