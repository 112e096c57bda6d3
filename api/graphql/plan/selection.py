"""A request's selection as the planner reads it: response keys, field names, arguments and
sub-selections, with fragments inlined. Anything it does not plan for raises `Fallback`."""

from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    NamedTypeNode,
    SelectionSetNode,
    get_named_type,
)


class Fallback(Exception):  # noqa: N818 - a signal, not an error
    """This request is answered by the resolvers (the reason says why)."""


@dataclass(frozen=True)
class Chosen:
    key: str  # the response key (alias or name)
    name: str  # the field's name
    arguments: tuple[Any, ...]  # graphql-core ArgumentNodes
    sub: "Selection | None"


Selection = list[Chosen]


def collect(
    schema: GraphQLSchema,
    parent: GraphQLObjectType,
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> Selection:
    """The fields selected on `parent`, fragments inlined; each response key once."""
    out: Selection = []
    for node in selection_set.selections:
        if node.directives:
            raise Fallback("directives")
        if isinstance(node, FieldNode):
            out.append(_field(schema, parent, node, fragments))
            continue
        if isinstance(node, FragmentSpreadNode):
            fragment = fragments[node.name.value]
            condition: NamedTypeNode | None = fragment.type_condition
            inner = fragment.selection_set
            if fragment.directives:
                raise Fallback("directives")
        elif isinstance(node, InlineFragmentNode):
            condition, inner = node.type_condition, node.selection_set
        else:
            raise Fallback(type(node).__name__)
        if condition is not None and condition.name.value != parent.name:
            raise Fallback("a fragment on another type")
        out += collect(schema, parent, inner, fragments)
    keys = [chosen.key for chosen in out]
    if len(keys) != len(set(keys)):
        raise Fallback("a response key selected twice")
    return out


def _field(
    schema: GraphQLSchema,
    parent: GraphQLObjectType,
    node: FieldNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> Chosen:
    name = node.name.value
    key = node.alias.value if node.alias else name
    if name == "__typename":
        return Chosen(key, name, (), None)
    definition = parent.fields.get(name)
    if definition is None:
        raise Fallback(f"{parent.name}.{name}")
    sub = None
    if node.selection_set is not None:
        named = get_named_type(definition.type)
        if not isinstance(named, GraphQLObjectType):
            raise Fallback(f"{named.name} is abstract")
        sub = collect(schema, named, node.selection_set, fragments)
    return Chosen(key, name, tuple(node.arguments or ()), sub)
