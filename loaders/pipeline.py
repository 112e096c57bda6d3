"""Turtle -> SHACL -> Neo4j: the load, with nothing written unless every check passes."""

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver
from rdflib import Graph

from loaders.mapping import to_property_graph, to_rdf
from loaders.sources import Layout, parse_files
from loaders.store import export, replace_knowledge_base
from loaders.validate import ensure_valid

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadReport:
    version: str
    triples: int
    nodes: int
    relationships: int


def content_version(paths: list[Path]) -> str:
    """A hash of the loaded files' names and bytes: the knowledge-base version (ETag)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_valid_graph(layout: Layout) -> Graph:
    """Parse every data file and check it; raises LoadError naming file/line or focus node."""
    graph = parse_files(layout.data_files)
    ensure_valid(graph, layout)
    return graph


def load(layout: Layout, driver: Driver, database: str) -> LoadReport:
    """Validate everything first, then replace the stored knowledge base in one transaction."""
    graph = read_valid_graph(layout)
    property_graph = to_property_graph(graph)
    version = content_version(layout.data_files)
    replace_knowledge_base(driver, database, property_graph, version, len(graph))
    log.info(
        "loaded %d triples as %d nodes and %d relationships (version %s)",
        len(graph),
        len(property_graph.nodes),
        len(property_graph.edges),
        version,
    )
    return LoadReport(version, len(graph), len(property_graph.nodes), len(property_graph.edges))


def export_graph(driver: Driver, database: str) -> Graph:
    """The stored knowledge base as RDF."""
    nodes, edges = export(driver, database)
    return to_rdf(nodes, edges)
