"""Quality rules as data: SHACL shapes and *-violation SPARQL checks."""

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from loaders.errors import LoadError
from loaders.sources import Layout, parse_file


@dataclass(frozen=True)
class Violation:
    """One broken rule: where (focus node, path) and which rule, in words."""

    rule: str
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        return f"{where}: {self.message} [{self.rule}]"


def _shacl_violations(data: Graph, shapes: Graph) -> list[Violation]:
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, advanced=True, allow_warnings=False
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        shape = report.value(result, SH.sourceShape)
        rule = report.value(shape, SH.name) if shape is not None else None
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        constraint = report.value(result, SH.sourceConstraintComponent)
        found.append(
            Violation(
                rule=str(rule or constraint or shape),
                focus=f"<{focus}>",
                path=f"<{path}>" if isinstance(path, URIRef) else "",
                message=str(message or "SHACL violation"),
            )
        )
    return sorted(found, key=str)


def _oxigraph_term(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


def _store(data: Graph) -> ox.Store:
    """The data in Oxigraph, whose SPARQL engine runs the checks (rdflib's took seconds)."""
    store = ox.Store()
    quads = []
    for s, p, o in data:
        subject = _oxigraph_term(s)
        if isinstance(subject, ox.Literal) or not isinstance(p, URIRef):
            continue  # not RDF; the parser never produces it
        quads.append(ox.Quad(subject, ox.NamedNode(str(p)), _oxigraph_term(o)))
    store.bulk_extend(quads)
    return store


def _check_violations(store: ox.Store, check: Path) -> list[Violation]:
    query = check.read_text(encoding="utf-8")
    message = next(
        (line.lstrip("# ").strip() for line in query.splitlines() if line.startswith("#")),
        check.stem,
    )
    try:
        result = store.query(query)
    except (SyntaxError, OSError, ValueError) as exc:
        raise LoadError(f"{check}: the check query does not run: {exc}") from exc
    if not isinstance(result, ox.QuerySolutions):
        raise LoadError(f"{check}: a check is a SELECT query (its rows are the violations)")
    rows = list(result)
    return [
        Violation(rule=check.name, focus=f"<{row[0].value}>", path="", message=message)
        for row in rows
    ]


def violations(data: Graph, layout: Layout, focus: set[str] | None = None) -> list[Violation]:
    """Every violation of the shapes and checks in the layout by the data graph (only those
    about the `focus` nodes when given: validating part of a knowledge base)."""
    shapes = Graph()
    for path in layout.shape_files:
        parse_file(path, into=shapes)
    found = _shacl_violations(data, shapes)
    store = _store(data)
    for check in layout.check_files:
        found.extend(_check_violations(store, check))
    if focus is not None:
        wanted = {f"<{iri}>" for iri in focus}
        found = [v for v in found if v.focus in wanted]
    return found


def ensure_valid(data: Graph, layout: Layout, focus: set[str] | None = None) -> None:
    """Raise a LoadError listing every violation, or return quietly."""
    found = violations(data, layout, focus)
    if found:
        lines = "\n".join(f"  {v}" for v in found[:50])
        more = f"\n  … and {len(found) - 50} more" if len(found) > 50 else ""
        raise LoadError(f"the knowledge base breaks {len(found)} rule(s):\n{lines}{more}")
