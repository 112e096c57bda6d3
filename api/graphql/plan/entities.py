"""What a compiled request may select of each entity, which query parts each field needs, and
how a fetched row becomes the JSON GraphQL would answer.

Rows are turned into the GraphQL types by the resolvers' own mapping (`records`,
`assemble.category`), and only the selected fields are read off them: the compiled path and
the resolver path cannot disagree on a value. A field outside these tables, or anything the
mapping cannot place, raises `Fallback`: the request is answered by the resolvers instead.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from strawberry.utils.str_converters import to_camel_case

from api.graphql.mapping import assemble, records
from api.graphql.plan import parts
from api.graphql.plan.selection import Fallback, Selection

Row = dict[str, Any]


@dataclass(frozen=True)
class Relation:
    target: str  # an entity of ENTITIES
    many: bool


@dataclass(frozen=True)
class Entity:
    part_file: str
    type_name: str
    build: Callable[[Row], Any]
    fields: dict[str, tuple[str, ...]]  # GraphQL field -> the parts it needs
    relations: dict[str, Relation] = field(default_factory=dict)


SOURCES = ("sources",)
ENTITIES: dict[str, Entity] = {
    "Prediction": Entity(
        "prediction",
        "Prediction",
        records.prediction,
        {
            "id": (),
            "text": ("text",),
            "stance": (),
            "conditions": ("condition",),
            "rationale": ("rationale",),
            "interpretedBy": ("interpretedBy",),
            "source": SOURCES,
            "sources": SOURCES,
            "evidence": ("evidence",),
        },
        {"perspective": Relation("Perspective", False), "theme": Relation("Theme", False)},
    ),
    "Perspective": Entity(
        "perspective",
        "Perspective",
        records.perspective,
        {
            "id": (),
            "label": ("label",),
            "altLabels": ("altLabels",),
            "family": ("family",),
            "definition": ("definition",),
            "scopeNote": ("scopeNote",),
            "order": (),
            "documents": ("documents",),
            "representativeArticles": ("representativeArticles", "sources"),
            "sources": SOURCES,
        },
        {
            "representativeStudies": Relation("Study", True),
            "predictions": Relation("Prediction", True),
        },
    ),
    "Theme": Entity(
        "theme",
        "Theme",
        records.theme,
        {
            "id": (),
            "label": ("label",),
            "proposition": ("proposition",),
            "number": ("number",),
            "order": (),
            "sources": SOURCES,
        },
    ),
    "Study": Entity(
        "study",
        "Study",
        records.study,
        {
            "id": (),
            **{name: (name,) for name in ("authors", "year", "yearSuffix", "title", "venue")},
            **{name: (name,) for name in ("volume", "issue", "pages", "doi", "workType")},
            "citedBy": ("citedBy",),
        },
        {"findings": Relation("Finding", True), "perspectives": Relation("Perspective", True)},
    ),
    "Finding": Entity(
        "finding",
        "Finding",
        records.finding,
        {
            "id": (),
            **{name: (name,) for name in ("summary", "sample", "country", "sector", "method")},
            "relation": ("relation",),
            "rationale": ("rationale",),
            "interpretedBy": ("interpretedBy",),
            "source": SOURCES,
            "sources": SOURCES,
        },
        {"studies": Relation("Study", True), "themes": Relation("Theme", True)},
    ),
    "Category": Entity(
        "category",
        "Category",
        assemble.category,
        {
            "id": (),
            "label": ("label",),
            "share": (),
            "sampleSize": (),
            "order": (),
            "items": ("items",),
            "factor": (),
            "group": ("group",),
            "source": SOURCES,
            "sources": SOURCES,
            "reportedFigures": ("reportedFigures",),
        },
    ),
}


def projection(entity: str, selection: Selection, node: str, names: Iterator[int]) -> str:
    """The map-projection items that fetch what `selection` needs of the node `node`."""
    spec = ENTITIES[entity]
    wanted = ["required"]
    items = []
    for index, chosen in enumerate(selection):
        if chosen.name == "__typename":
            continue
        if chosen.name in spec.relations:
            relation = spec.relations[chosen.name]
            related = f"n{next(names)}"
            inner = projection(relation.target, chosen.sub or [], related, names)
            text = parts.relation(spec.part_file, chosen.name, node, related, inner)
            items.append(f"_r{index}: {text}")
        elif chosen.name in spec.fields:
            wanted += [p for p in spec.fields[chosen.name] if p not in wanted]
        else:
            raise Fallback(f"{entity}.{chosen.name}")
    return ", ".join([parts.part(spec.part_file, name, node) for name in wanted] + items)


def shape(entity: str, row: Row | None, selection: Selection) -> dict[str, Any]:
    """The selected fields of the entity in `row`, as GraphQL answers them."""
    if row is None:
        raise Fallback(f"a {entity} the resolvers would report")
    spec = ENTITIES[entity]
    built = spec.build(row)
    out: dict[str, Any] = {}
    for index, chosen in enumerate(selection):
        if chosen.name == "__typename":
            out[chosen.key] = spec.type_name
        elif chosen.name in spec.relations:
            relation = spec.relations[chosen.name]
            nested = row.get(f"_r{index}")
            if relation.many:
                ordered = sorted(nested or [], key=lambda r: str(r["iri"]))
                out[chosen.key] = [shape(relation.target, r, chosen.sub or []) for r in ordered]
            else:
                out[chosen.key] = shape(relation.target, nested, chosen.sub or [])
        else:
            out[chosen.key] = value(getattr(built, python_name(type(built), chosen.name)), chosen)
    return out


def value(found: Any, chosen: Any) -> Any:
    """A field's value as GraphQL serializes it (its sub-selection applied)."""
    if found is None or isinstance(found, str | int | float | bool):
        return found
    if isinstance(found, Enum):
        return found.name
    if isinstance(found, list):
        return [value(item, chosen) for item in found]
    if not hasattr(found, "__strawberry_definition__") or chosen.sub is None:
        raise Fallback(f"cannot serialize {type(found).__name__}")
    return {
        s.key: type_name(type(found))
        if s.name == "__typename"
        else value(getattr(found, python_name(type(found), s.name)), s)
        for s in chosen.sub
    }


@cache
def _names(cls: type) -> dict[str, tuple[str, str]]:
    definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    names = {}
    for f in definition.fields:
        graphql = f.graphql_name or to_camel_case(f.python_name)
        names[graphql] = (f.python_name, "resolver" if f.base_resolver else "data")
    return names


def python_name(cls: type, field_name: str) -> str:
    """The attribute behind a GraphQL field of a data field (a resolver field: Fallback)."""
    found = _names(cls).get(field_name)
    if found is None or found[1] == "resolver":
        raise Fallback(f"{cls.__name__}.{field_name}")
    return found[0]


def type_name(cls: type) -> str:
    name: str = cls.__strawberry_definition__.name  # type: ignore[attr-defined]
    return name
