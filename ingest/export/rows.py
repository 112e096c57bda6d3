"""One statement as one row of its sheet, by the column table; a triple no column holds is
an error (the sheet would lose it). Pure."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from ingest.build.cells import join_list, text_cell
from ingest.build.iris import compact
from ingest.sheet.model import Column, Kind, Sheet
from smekg.namespaces import SMEO

DERIVED = {SMEO.quotePrefix, SMEO.quoteSuffix}  # computed from the text on import


class ExportError(Exception):
    """The knowledge base holds something the coding sheet cannot express."""


def _literal_cell(value: Node, column: Column) -> str:
    if not isinstance(value, Literal):
        raise ExportError(f"{value!r} is not a literal (column {column.name})")
    if column.kind in (Kind.INTEGER, Kind.DECIMAL):
        return str(value)
    return text_cell(value, column.lang)


def _cell(graph: Graph, subject: URIRef, column: Column) -> tuple[str, set[URIRef]]:
    """The column's cell for `subject`, and the predicates it holds."""
    if column.kind is Kind.TAGGED_REFS:
        parts = [
            f"{tag}:{compact(str(o))}"
            for tag, predicate in column.tags.items()
            for o in sorted(str(x) for x in graph.objects(subject, predicate))
        ]
        return join_list(parts), set(column.tags.values())
    if column.predicate is None:
        return "", set()
    values: list[Node] = sorted(
        graph.objects(subject, column.predicate), key=lambda v: (str(v), repr(v))
    )
    if not values:
        return "", {column.predicate}
    if column.kind in (Kind.TEXT, Kind.INTEGER, Kind.DECIMAL) and len(values) > 1:
        raise ExportError(
            f"<{subject}> has {len(values)} values for the single column {column.name}"
        )
    if column.kind is Kind.ENUM:
        names = {v: k for k, v in column.vocabulary.items()}
        return join_list([names[v] for v in values if isinstance(v, URIRef)]), {column.predicate}
    if column.kind in (Kind.REF, Kind.REFS):
        return join_list([compact(str(v)) for v in values]), {column.predicate}
    try:
        cells = [_literal_cell(v, column) for v in values]
    except ValueError as exc:
        raise ExportError(f"<{subject}> {column.name}: {exc}") from exc
    single = column.kind in (Kind.TEXT, Kind.INTEGER, Kind.DECIMAL)
    return (cells[0] if single else join_list(cells)), {column.predicate}


def statement_row(
    graph: Graph,
    subject: URIRef,
    sheet: Sheet,
    skip: frozenset[str] | set[str] = frozenset(),
    extra: frozenset[URIRef] | set[URIRef] = frozenset(),
) -> tuple[dict[str, str], set[URIRef]]:
    """The row of `subject` (excerpt columns left to the caller) and the predicates covered."""
    row = {"id": compact(str(subject))}
    covered = {RDF.type, *extra}
    for column in sheet.columns:
        if column.kind in (Kind.ID, Kind.EXCERPT, Kind.SOURCES) or column.name in skip:
            continue
        cell, predicates = _cell(graph, subject, column)
        covered |= predicates
        if cell:
            row[column.name] = cell
    if sheet.class_column:
        kinds = {v: k for k, v in sheet.kinds.items()}
        types = [
            kinds[t]
            for t in graph.objects(subject, RDF.type)
            if isinstance(t, URIRef) and t in kinds
        ]
        if types and types[0] != next(iter(sheet.kinds)):
            row[sheet.class_column] = types[0]
    return row, covered


def check_covered(graph: Graph, subject: URIRef, covered: set[URIRef], sheet: str) -> None:
    left = sorted(
        {
            p
            for p in graph.predicates(subject)
            if isinstance(p, URIRef) and p not in covered | DERIVED
        }
    )
    if left:
        names = ", ".join(str(p) for p in left)
        raise ExportError(f"<{subject}> ({sheet}) has {names}, which no column of the sheet holds")
