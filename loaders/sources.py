"""Reading the Turtle sources of the knowledge base, with file:line on syntax errors and on
terms Neo4j or an RDF export could not keep: an IRI that is not one (rdflib only warns about
spaces and the like, and the exports then fail) and an integer beyond 64 bits (Neo4j's)."""

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from loaders.errors import LoadError
from loaders.quad_mapping import INT64, BlankNodeError, IntegerRangeError, QuadCollector

# Characters RFC 3987 allows nowhere in an IRI: controls, space, and <>"{}|\^`.
NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


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


def _term_problem(term: object) -> str | None:
    """What is wrong with an IRI or literal for the store, if anything."""
    if isinstance(term, URIRef):
        bad = NOT_IN_IRI.search(term)
        if bad is not None:
            return f"IRI <{term}> is not an IRI: it contains {bad[0]!r} (RFC 3987)"
        if not SCHEME.match(term):
            return f"IRI <{term}> is not absolute (no scheme)"
    elif isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, int) and not isinstance(value, bool) and value not in INT64:
            return f"integer {term} is beyond the 64-bit range Neo4j stores"
    return None


def _line_of(path: Path, text: str) -> str:
    """The line of the file where `text` first stands ('?' when it is written otherwise)."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "?"
    at = content.find(text)
    return "?" if at < 0 else str(content.count("\n", 0, at) + 1)


def ensure_storable(path: Path, part: Graph) -> None:
    """Refuse blank nodes (no identity to keep in Neo4j), invalid IRIs and integers beyond
    64 bits, naming the file and line of the first."""
    checked: set[object] = set()
    for s, p, o in part:
        if isinstance(s, BNode) or isinstance(o, BNode):
            raise LoadError(
                f"{path}: blank node in triple with predicate <{p}>: "
                "every node of the knowledge base needs an IRI"
            )
        for term in (s, p, o):
            if term in checked:
                continue
            checked.add(term)
            problem = _term_problem(term)
            if problem is not None:
                written = f"<{term}>" if isinstance(term, URIRef) else str(term)
                line = _line_of(path, written)
                if line == "?" and isinstance(term, URIRef):
                    line = _line_of(path, str(term).rsplit("/", 1)[-1])
                raise LoadError(f"{path}:{line}: {problem}; nothing was loaded")


def parse_files(paths: list[Path]) -> Graph:
    """Parse data files into one graph of terms the store can keep (`ensure_storable`)."""
    if not paths:
        raise LoadError("no Turtle files to load")
    graph = Graph()
    for path in paths:
        part = parse_file(path)
        ensure_storable(path, part)
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
    """Parse data files with Oxigraph's Turtle parser (Rust), file by file, refusing what
    `parse_files` refuses (blank nodes, invalid IRIs, integers beyond 64 bits) with the same
    file:line message."""
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
        except IntegerRangeError as exc:
            raise LoadError(
                f"{path}:{_line_of(path, exc.lexical)}: integer {exc.lexical} is beyond the "
                "64-bit range Neo4j stores; nothing was loaded"
            ) from exc
        store.bulk_extend(quads)
    return ParsedFiles(store, collected, len(store))


def read_store(paths: list[Path]) -> ox.Store:
    """The data files in an Oxigraph store (checked as `read_files` checks them)."""
    return read_files(paths).store


def parse_quads(path: Path) -> list[ox.Quad]:
    """One Turtle file's triples as Oxigraph parses them; a syntax error names file:line.
    Oxigraph refuses invalid and relative IRIs as syntax errors: the file is then read again
    by `parse_file` and `ensure_storable`, so the message names the term as theirs do."""
    try:
        return list(ox.parse(path=path, format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        ensure_storable(path, parse_file(path))
        raise LoadError(f"{path}:{exc.lineno}: Turtle syntax error: {exc.msg}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path}: cannot read: {exc}") from exc
