"""Turtle -> SHACL -> Neo4j: the full load, with nothing written unless every check passes.

A load holds the writer lock from the moment it reads the files until it has published them
(so an import cannot slip in between), validates once, and is skipped when the files are
exactly those the published knowledge base was built from.
"""

import itertools
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox
from neo4j import Driver
from rdflib import Graph

from loaders.errors import LoadError
from loaders.manifest import Manifest, read_manifest
from loaders.mapping import list_keys_of, to_property_graph, to_rdf
from loaders.published import Published
from loaders.quote_check import quote_graph, quote_problems
from loaders.sources import Layout, ParsedFiles, parse_files, read_files
from loaders.store import WriteTimings, export, replace_knowledge_base
from loaders.validate import ensure_valid
from loaders.writer import WriterSession, writer_session
from smekg.history import read_history, read_releases, unrecorded_edit
from smekg.progress import SILENT, Progress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadTimings:
    """Seconds per step before the write (the benchmark's loader profile)."""

    parse_s: float  # Oxigraph parse of every file, the property graph collected meanwhile
    validate_s: float  # SHACL by parts and the SPARQL checks (and quotes, when asked)
    map_s: float  # the collected nodes encoded as the property graph


@dataclass(frozen=True)
class LoadReport:
    version: str
    number: int
    triples: int
    nodes: int
    relationships: int
    skipped: bool = False  # the published knowledge base was built from exactly these files
    timings: WriteTimings | None = None
    read_timings: ReadTimings | None = None


def read_valid_graph(layout: Layout, sources_dir: Path | None = None) -> Graph:
    """Parse every data file and check it (and its quotes against the texts in
    `sources_dir`, when given); raises LoadError naming file/line or focus node."""
    layout.ensure_complete()
    graph = parse_files(layout.data_files)
    ensure_valid(graph, layout)
    if sources_dir is not None:
        check_quotes(graph, sources_dir)
    return graph


def read_valid_files(
    layout: Layout, sources_dir: Path | None = None, marks: list[float] | None = None
) -> ParsedFiles:
    """`read_valid_graph` for the load path: parsed by Oxigraph, validated on its store, the
    property graph collected while parsing; never an rdflib graph of the whole base
    (`marks`: gets the time after parsing and after validating)."""
    layout.ensure_complete()
    marks = [] if marks is None else marks
    parsed = read_files(layout.data_files)
    marks.append(time.perf_counter())
    ensure_valid(parsed.store, layout)
    if sources_dir is not None:
        check_quotes(parsed.store, sources_dir)
    marks.append(time.perf_counter())
    return parsed


def check_quotes(graph: Graph | ox.Store, sources_dir: Path) -> None:
    """Refuse a knowledge base whose quotes are not in their texts; say in one line per
    document what could not be checked."""
    if not sources_dir.is_dir():
        log.warning("quotes not checked: the source texts folder %s does not exist", sources_dir)
        return
    report = quote_problems(graph if isinstance(graph, Graph) else quote_graph(graph), sources_dir)
    for line in report.unchecked:
        log.warning("%s", line)
    if report.problems:
        lines = "\n".join(f"  {p}" for p in report.problems[:50])
        raise LoadError(
            f"{len(report.problems)} quote(s) are not in their document's text:\n{lines}"
        )


def _unchanged(stored: dict[str, object] | None, manifest: Manifest) -> bool:
    return (
        stored is not None
        and stored["files"] == manifest.files
        and stored["fileHashes"] == manifest.hashes
    )


def load(
    layout: Layout,
    driver: Driver,
    database: str,
    *,
    wait: bool = True,
    force: bool = False,
    sources_dir: Path | None = None,
    progress: Progress = SILENT,
) -> LoadReport:
    """Validate everything, then publish it in place of the stored knowledge base."""
    layout.ensure_complete()
    with writer_session(driver, database, wait=wait) as writer:
        return load_locked(writer, layout, force=force, sources_dir=sources_dir, progress=progress)


def in_sync(writer: WriterSession, manifest: Manifest) -> bool:
    """Whether the published knowledge base was built from exactly the files ``manifest``
    describes (those there now, read by the caller)."""
    return _unchanged(writer.state(), manifest)


def load_locked(
    writer: WriterSession,
    layout: Layout,
    *,
    force: bool = False,
    sources_dir: Path | None = None,
    validated: Graph | None = None,
    progress: Progress = SILENT,
) -> LoadReport:
    """The full load, by a writer that holds the lock (`validated`: the files' graph, already
    checked by the caller under the same lock). Validated once, before anything is written."""
    manifest = read_manifest(layout)
    stored = writer.state()
    if not force and _unchanged(stored, manifest) and stored is not None:
        log.info("knowledge base unchanged (version %s): nothing to load", stored["version"])
        return LoadReport(
            str(stored["version"]), int(stored["number"]), int(stored["triples"]), 0, 0, True
        )
    marks = [time.perf_counter()]
    if validated is not None:
        marks += [marks[0], marks[0]]
        with progress.step("map to the property graph"):
            property_graph, triples = to_property_graph(validated), len(validated)
    else:
        with progress.step("parse and validate (shapes, checks, quotes)"):
            parsed = read_valid_files(layout, sources_dir, marks)
        with progress.step("map to the property graph"):
            property_graph, triples = parsed.collected.build(), parsed.triples
        del parsed  # the store and the collected triples: free before the write
    marks.append(time.perf_counter())
    read_timings = ReadTimings(*(b - a for a, b in itertools.pairwise(marks)))
    history = read_history(layout.history_file)
    number = history[-1].number if history else 0
    versions = [record.row() for record in history]
    if not history or history[-1].id != manifest.content_id:
        number += 1  # files changed by hand since the last recorded version
        versions.append(unrecorded_edit(number, manifest.content_id).row())
    with progress.step("stage and publish in Neo4j"):
        timings = replace_knowledge_base(
            writer,
            property_graph,
            Published(
                version=manifest.content_id,
                number=number,
                triples=triples,
                files=manifest.files,
                file_hashes=manifest.hashes,
                list_keys=sorted(list_keys_of(property_graph)),
                versions=versions,
                releases=[asdict(r) for r in read_releases(layout.releases_file)],
            ),
        )
    log.info(
        "loaded %d triples as %d nodes and %d relationships (version %s)",
        triples,
        len(property_graph.nodes),
        len(property_graph.edges),
        manifest.content_id,
    )
    return LoadReport(
        manifest.content_id,
        number,
        triples,
        len(property_graph.nodes),
        len(property_graph.edges),
        timings=timings,
        read_timings=read_timings,
    )


def export_graph(driver: Driver, database: str) -> Graph:
    """The stored knowledge base as RDF."""
    nodes, edges = export(driver, database)
    return to_rdf(nodes, edges)
