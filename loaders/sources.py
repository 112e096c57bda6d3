"""Reading the Turtle sources of the knowledge base, with file:line on syntax errors."""

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from loaders.errors import LoadError
from loaders.quad_mapping import BlankNodeError, QuadCollector


@dataclass(frozen=True)
class Layout:
    """Where the parts of an ontology folder live."""

    root: Path

    @property
    def kb_dir(self) -> Path:
        return self.root / "kb"

    @property
    def contributions_dir(self) -> Path:
        """One Turtle file per contributed document or correction (written by `smekg import`)."""
        return self.kb_dir / "contributions"

    @property
    def history_file(self) -> Path:
        """The knowledge base's versions, one JSON object per line (written by the write side)."""
        return self.root / "history.jsonl"

    @property
    def releases_file(self) -> Path:
        """The citable releases, one JSON object per line (written by `smekg release`)."""
        return self.root / "releases.jsonl"

    @property
    def data_files(self) -> list[Path]:
        """The ontology and the knowledge base: what is loaded into Neo4j."""
        return sorted(self.root.glob("*.ttl")) + sorted(self.kb_dir.rglob("*.ttl"))

    @property
    def shape_files(self) -> list[Path]:
        return sorted((self.root / "shapes").glob("*.ttl"))

    @property
    def check_files(self) -> list[Path]:
        return sorted((self.root / "checks").glob("*-violation.sparql"))

    @property
    def rule_files(self) -> list[Path]:
        return self.shape_files + self.check_files

    def ensure_complete(self) -> None:
        """Refuse a folder that lacks a part: loading it would silently skip rules or data."""
        missing = [
            f"{what} ({where})"
            for what, where, found in (
                ("the ontology", self.root / "*.ttl", list(self.root.glob("*.ttl"))),
                ("the knowledge base", self.kb_dir / "*.ttl", list(self.kb_dir.glob("*.ttl"))),
                ("the SHACL shapes", self.root / "shapes" / "*.ttl", self.shape_files),
                (
                    "the SPARQL checks",
                    self.root / "checks" / "*-violation.sparql",
                    self.check_files,
                ),
            )
            if not found
        ]
        if missing:
            raise LoadError(
                f"{self.root} is not a complete ontology folder: no files for " + ", ".join(missing)
            )


def parse_file(path: Path, into: Graph | None = None) -> Graph:
    """Parse one Turtle file; a syntax error names the file and line."""
    graph = into if into is not None else Graph()
    try:
        graph.parse(path, format="turtle")
    except BadSyntax as exc:
        raise LoadError(f"{path}:{exc.lines + 1}: Turtle syntax error: {exc._why}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: cannot read: {exc}") from exc
    return graph


def parse_files(paths: list[Path]) -> Graph:
    """Parse data files into one graph, refusing blank nodes (no identity to keep in Neo4j)."""
    if not paths:
        raise LoadError("no Turtle files to load")
    graph = Graph()
    for path in paths:
        part = parse_file(path)
        for s, p, o in part:
            if isinstance(s, BNode) or isinstance(o, BNode):
                raise LoadError(
                    f"{path}: blank node in triple with predicate <{p}>: "
                    "every node of the knowledge base needs an IRI"
                )
        graph += part
    return graph


@dataclass
class ParsedFiles:
    """The load path's parse of the data files: an Oxigraph store (what validation reads)
    and the property graph collected from the parser's triples (what is written)."""

    store: ox.Store
    collected: QuadCollector
    triples: int


def read_files(paths: list[Path]) -> ParsedFiles:
    """Parse data files with Oxigraph's Turtle parser (Rust), file by file; a syntax error
    names the file and line, and blank nodes are refused as in `parse_files`."""
    if not paths:
        raise LoadError("no Turtle files to load")
    store = ox.Store()
    collected = QuadCollector()
    for path in paths:
        quads = parse_quads(path)
        try:
            collected.add(quads)
        except BlankNodeError as exc:
            raise LoadError(
                f"{path}: blank node in triple with predicate <{exc.predicate}>: "
                "every node of the knowledge base needs an IRI"
            ) from exc
        store.bulk_extend(quads)
    return ParsedFiles(store, collected, len(store))


def read_store(paths: list[Path]) -> ox.Store:
    """The data files in an Oxigraph store (checked as `read_files` checks them)."""
    return read_files(paths).store


def parse_quads(path: Path) -> list[ox.Quad]:
    """One Turtle file's triples as Oxigraph parses them; a syntax error names file:line."""
    try:
        return list(ox.parse(path=path, format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise LoadError(f"{path}:{exc.lineno}: Turtle syntax error: {exc.msg}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: cannot read: {exc}") from exc
