"""Plans: a GraphQL request of a common shape compiled to one Cypher statement and the way its
one record becomes the answer. Compiled once per document and operation; each request brings
only its argument values (as parameters).
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    Undefined,
    coerce_input_value,
    parse,
    specified_rules,
    type_from_ast,
    validate,
    value_from_ast,
)
from graphql.language import FragmentDefinitionNode
from graphql.validation import ASTValidationRule

from api.graphql.mapping import assemble, records
from api.graphql.plan import parts
from api.graphql.plan.entities import projection, shape, value
from api.graphql.plan.selection import Chosen, Fallback, Selection, collect

Row = dict[str, Any]
Shaper = Callable[[Row, dict[str, Any]], Any]


@dataclass(frozen=True)
class Plan:
    key: str  # the root field's response key
    root: str  # the root field's name
    statement: str
    columns: tuple[str, ...]  # the statement's columns, in its one record
    shape: Shaper
    operation: OperationDefinitionNode
    arguments: dict[str, Any]  # argument name -> its value node
    constants: dict[str, Any]  # parameters that come from settings, not the request

    def parameters(self, schema: GraphQLSchema, variables: dict[str, Any]) -> dict[str, Any]:
        """The root field's arguments, coerced like GraphQL would (Fallback if they fail)."""
        coerced = _variables(schema, self.operation, variables)
        field = schema.query_type.fields[self.root]  # type: ignore[union-attr]
        out = dict(self.constants)
        for name, argument in field.args.items():
            node = self.arguments.get(name)
            found = (
                argument.default_value
                if node is None
                else value_from_ast(node, argument.type, coerced)
            )
            if found is Undefined:
                found = None
            out[name] = found.value if isinstance(found, Enum) else found
        return out


def _variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: dict[str, Any]
) -> dict[str, Any]:
    coerced = {}
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        kind = type_from_ast(schema, definition.type)
        try:
            if name in inputs:
                coerced[name] = coerce_input_value(inputs[name], kind)  # type: ignore[arg-type]
            elif definition.default_value is not None:
                coerced[name] = value_from_ast(definition.default_value, kind)  # type: ignore[arg-type]
        except GraphQLError as exc:
            raise Fallback("variables") from exc
    return coerced


def compile_request(
    schema: GraphQLSchema,
    limits: "Limits",
    query: str,
    operation_name: str | None,
) -> Plan:
    """The plan of a valid single-root query of a planned shape (else Fallback)."""
    try:
        document = parse(query, max_tokens=limits.max_tokens)
    except GraphQLError as exc:
        raise Fallback("does not parse") from exc
    if validate(schema, document, [*specified_rules, *limits.rules]):
        raise Fallback("invalid")
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen_ops = [o for o in operations if o.name and o.name.value == operation_name]
    operation = chosen_ops[0] if operation_name else operations[0] if len(operations) == 1 else None
    if operation is None or operation.operation != OperationType.QUERY:
        raise Fallback("operation")
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    selection = collect(schema, schema.query_type, operation.selection_set, fragments)  # type: ignore[arg-type]
    if len(selection) != 1 or selection[0].name not in ROOTS:
        raise Fallback("root fields")
    (root,) = selection
    statement, shaper, columns = ROOTS[root.name](root)
    arguments = {a.name.value: a.value for a in root.arguments}
    constants = {"maxCells": limits.max_cells} if root.name == "comparisonTable" else {}
    return Plan(root.key, root.name, statement, columns, shaper, operation, arguments, constants)


@dataclass(frozen=True)
class Limits:
    """The settings a plan obeys, as the schema's extensions do."""

    rules: list[type[ASTValidationRule]]
    max_tokens: int
    max_cells: int


Compiler = Callable[[Chosen], tuple[str, Shaper, tuple[str, ...]]]
LISTING_COLUMNS = ("rows", "known")  # of every queries/parts/root_<listing>.cypher
CHAIN_COLUMNS = ("prediction", "linked", "thematic", "findings", "documents")
TABLE_COLUMNS = ("columns", "rows", "cells", "footnotes")


def _listing(
    entity: str, part: str, one: bool = False, unfiltered: tuple[str, ...] = ()
) -> Compiler:
    """A root answering a list of (or one) `entity`, projected per the selection; an empty
    answer for a given filter in `unfiltered` is left to the resolvers (they tell unknown
    ids from empty answers)."""

    def compiler(root: Chosen) -> tuple[str, Shaper, tuple[str, ...]]:
        selection = root.sub or []
        names = itertools.count(1)
        statement = parts.root(part, {"p": projection(entity, selection, "root", names)})

        def shaper(record: Row, arguments: dict[str, Any]) -> Any:
            rows = record["rows"]
            if not record["known"] or (not rows and any(arguments[a] for a in unfiltered)):
                raise Fallback("unknown ids")
            if one:
                return shape(entity, rows[0] if rows else None, selection)
            return [shape(entity, row, selection) for row in rows]

        return statement, shaper, LISTING_COLUMNS

    return compiler


def _sub(root: Chosen, name: str, allowed: set[str]) -> Selection:
    """The sub-selection of `name` (empty if not selected); other fields: Fallback."""
    fields = root.sub or []
    if any(f.name not in allowed for f in fields):
        raise Fallback("a field of a composite answer")
    return next((f.sub or [] for f in fields if f.name == name), [])


def _evidence_chain(root: Chosen) -> tuple[str, Shaper, tuple[str, ...]]:
    if any(a.name.value == "excludeCorrected" for a in root.arguments):
        raise Fallback("an argument the resolvers apply")
    allowed = {"prediction", "findings", "documents", "__typename"}
    prediction = _sub(root, "prediction", allowed)
    items = _sub(root, "findings", allowed)
    finding = next((f.sub or [] for f in items if f.name == "finding"), [])
    if any(f.name not in {"relation", "basis", "finding", "__typename"} for f in items):
        raise Fallback("an evidence item field")
    names = itertools.count(1)
    statement = parts.root(
        "evidence_chain",
        {
            "prediction": projection("Prediction", prediction, "root", names),
            "finding": projection("Finding", finding, "finding", names),
        },
    )

    def shaper(record: Row, arguments: dict[str, Any]) -> Any:
        rows = {row["iri"]: row for row in record["findings"]}
        built = {iri: records.finding(row) for iri, row in rows.items()}
        wanted = {x["finding"] for x in record["linked"] + record["thematic"]}
        if wanted - set(built):
            raise Fallback("a finding the resolvers would report")
        evidence = assemble.evidence_items(record, built)
        out: dict[str, Any] = {}
        for chosen in root.sub or []:
            if chosen.name == "prediction":
                out[chosen.key] = shape("Prediction", record["prediction"], prediction)
            elif chosen.name == "documents":
                documents = [records.document(d) for d in record["documents"]]
                out[chosen.key] = value(documents, chosen)
            elif chosen.name == "findings":
                out[chosen.key] = [_item(item, rows, chosen.sub or []) for item in evidence]
            else:
                out[chosen.key] = "EvidenceChain"
        return out

    return statement, shaper, CHAIN_COLUMNS


def _item(item: Any, rows: dict[str, Row], selection: Selection) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for chosen in selection:
        if chosen.name == "finding":
            out[chosen.key] = shape("Finding", rows[item.finding.id], chosen.sub or [])
        elif chosen.name == "__typename":
            out[chosen.key] = "EvidenceItem"
        else:
            out[chosen.key] = value(getattr(item, chosen.name), chosen)
    return out


def _comparison_table(root: Chosen) -> tuple[str, Shaper, tuple[str, ...]]:
    allowed = {"columns", "rows", "footnotes", "__typename"}
    columns = _sub(root, "columns", allowed)
    table_rows = _sub(root, "rows", allowed)
    _sub(root, "footnotes", allowed)
    theme = next((f.sub or [] for f in table_rows if f.name == "theme"), [])
    cells = next((f.sub or [] for f in table_rows if f.name == "cells"), [])
    if any(f.name not in {"theme", "cells", "__typename"} for f in table_rows) or any(
        f.name in ("perspective", "theme") for f in cells
    ):
        raise Fallback("a table row field")
    # The resolvers build columns and rows from get_comparison_table's own projections, which
    # hold fewer fields than a perspective's or theme's (the rest answer empty there): those
    # fields are theirs to answer.
    if any(f.name not in TABLE_COLUMN_FIELDS for f in columns) or any(
        f.name not in TABLE_ROW_FIELDS for f in theme
    ):
        raise Fallback("a field the table's columns or rows do not hold")
    names = itertools.count(1)
    statement = parts.root(
        "comparison_table",
        {
            "column": projection("Perspective", columns, "column", names),
            "row": projection("Theme", theme, "row", names),
            "cell": projection("Prediction", cells, "cell", names),
        },
    )

    def shaper(record: Row, arguments: dict[str, Any]) -> Any:
        wanted_p, wanted_t = arguments["perspectives"], arguments["themes"]
        try:
            cap = arguments["maxCells"]
            table = assemble.comparison_table(record, wanted_p, wanted_t, cap)
        except GraphQLError as exc:
            raise Fallback("an error the resolvers report") from exc
        raw_columns = {row["iri"]: row for row in record["columns"]}
        raw_rows = {row["iri"]: row for row in record["rows"]}
        out: dict[str, Any] = {}
        for chosen in root.sub or []:
            if chosen.name == "columns":
                out[chosen.key] = [
                    shape("Perspective", raw_columns[c.id], columns) for c in table.columns
                ]
            elif chosen.name == "rows":
                out[chosen.key] = [_table_row(r, raw_rows, chosen.sub or []) for r in table.rows]
            elif chosen.name == "footnotes":
                out[chosen.key] = value(table.footnotes, chosen)
            else:
                out[chosen.key] = "ComparisonTable"
        return out

    return statement, shaper, TABLE_COLUMNS


TABLE_COLUMN_FIELDS = {"id", "label", "altLabels", "definition", "order", "family", "documents"}
TABLE_COLUMN_FIELDS |= {"representativeArticles", "sources", "__typename"}
TABLE_ROW_FIELDS = {"id", "label", "proposition", "number", "order", "__typename"}


def _table_row(row: Any, raw: dict[str, Row], selection: Selection) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for chosen in selection:
        if chosen.name == "theme":
            out[chosen.key] = shape("Theme", raw[row.theme.id], chosen.sub or [])
        elif chosen.name == "cells":
            out[chosen.key] = value(row.cells, chosen)
        else:
            out[chosen.key] = "ComparisonRow"
    return out


ROOTS: dict[str, Compiler] = {
    "predictions": _listing("Prediction", "predictions"),
    "perspectives": _listing("Perspective", "perspectives", unfiltered=("family",)),
    "themes": _listing("Theme", "themes"),
    "categories": _listing("Category", "categories"),
    "perspective": _listing("Perspective", "perspective", one=True),
    "theme": _listing("Theme", "theme", one=True),
    "study": _listing("Study", "study", one=True),
    "evidenceChain": _evidence_chain,
    "comparisonTable": _comparison_table,
}
