"""Quality rules as data: SHACL shapes and *-violation SPARQL checks, both read from one
Oxigraph store: the shapes by pyshacl-turbo, part by part (loaders/shacl.py,
docs/decisions/0027), the checks by Oxigraph's SPARQL engine."""

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from loaders.errors import LoadError
from loaders.shacl import Violation, shacl_violations
from loaders.sources import Layout, parse_quads


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


def violations(
    data: Graph | ox.Store, layout: Layout, focus: set[str] | None = None
) -> list[Violation]:
    """Every violation of the shapes and checks in the layout by the data (only those
    about the `focus` nodes when given: validating part of a knowledge base)."""
    store = data if isinstance(data, ox.Store) else _store(data)
    shapes = [q for path in layout.shape_files for q in parse_quads(path)]
    found = shacl_violations(store, ox.serialize(shapes, format=ox.RdfFormat.N_QUADS) or b"")
    for check in layout.check_files:
        found.extend(_check_violations(store, check))
    if focus is not None:
        wanted = {f"<{iri}>" for iri in focus}
        found = [v for v in found if v.focus in wanted]
    return found


def ensure_valid(data: Graph | ox.Store, layout: Layout, focus: set[str] | None = None) -> None:
    """Raise a LoadError listing every violation, or return quietly."""
    found = violations(data, layout, focus)
    if found:
        lines = "\n".join(f"  {v}" for v in found[:50])
        more = f"\n  … and {len(found) - 50} more" if len(found) > 50 else ""
        raise LoadError(f"the knowledge base breaks {len(found)} rule(s):\n{lines}{more}")
