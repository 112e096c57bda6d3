"""Pure mapping from query rows (dicts of Neo4j values) to GraphQL types."""

from collections.abc import Sequence
from typing import Any

import strawberry

from api.errors import not_found
from api.types import (
    Agent,
    CellText,
    ComparisonRow,
    ComparisonTable,
    Document,
    Footnote,
    Perspective,
    PerspectiveFamily,
    Prediction,
    Source,
    Stance,
    Theme,
)

Row = dict[str, Any]


def as_list(value: Any) -> list[Any]:
    """A property stored as a scalar or a list, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def first(value: Any) -> Any:
    """The single value of a property stored as a scalar or a one-element list."""
    values = as_list(value)
    return values[0] if values else None


def in_language(row: Row, key: str, language: str = "en") -> str | None:
    """The value of `key` in `language` if tagged so, else the first value."""
    values = as_list(row.get(key))
    languages = as_list(row.get(f"{key}__lang")) or [""] * len(values)
    for value, lang in zip(values, languages, strict=False):
        if lang == language:
            return str(value)
    return str(values[0]) if values else None


def document(row: Row) -> Document:
    label = first(row.get("rdfs_label")) or row["iri"]
    return Document(
        id=strawberry.ID(row["iri"]), title=in_language(row, "dcterms_title") or label, label=label
    )


def source(row: Row) -> Source:
    return Source(
        id=strawberry.ID(row["iri"]),
        document=document(row["document"]),
        locator=first(row.get("locator")) or "",
        section=first(row.get("section")),
        table=first(row.get("table")),
        page=first(row.get("page")),
        quote=first(row.get("quote")) or "",
    )


def sources(rows: Sequence[Row]) -> list[Source]:
    return sorted((source(r) for r in rows), key=lambda s: s.id)


def _cell_text(text: str | None, among: list[Source]) -> CellText | None:
    """A verbatim cell text with the excerpt that quotes it."""
    if text is None:
        return None
    return CellText(text=text, source=next((s for s in among if s.quote == text), None))


def perspective(row: Row) -> Perspective:
    family = row.get("family")
    own_sources = sources(row.get("sources") or [])
    return Perspective(
        id=strawberry.ID(row["iri"]),
        label=first(row.get("skos_prefLabel")) or row["iri"],
        alt_labels=sorted(str(v) for v in as_list(row.get("skos_altLabel"))),
        family=PerspectiveFamily(
            id=strawberry.ID(family["iri"]), label=first(family.get("skos_prefLabel")) or ""
        )
        if family
        else None,
        definition=first(row.get("skos_definition")),
        order=first(row.get("order")),
        documents=[strawberry.ID(d) for d in sorted(row.get("documents") or [])],
        representative_articles=_cell_text(first(row.get("representativeArticles")), own_sources),
        sources=own_sources,
    )


def theme(row: Row) -> Theme:
    return Theme(
        id=strawberry.ID(row["iri"]),
        label=first(row.get("skos_prefLabel")) or row["iri"],
        proposition=first(row.get("proposition")) or "",
        number=first(row.get("themeNumber")),
        order=first(row.get("order")) or 0,
    )


def prediction(row: Row | None, column: Perspective, row_theme: Theme) -> Prediction:
    """A table cell; a perspective with no prediction at all on the theme is NOT_ADDRESSED."""
    if row is None:
        return Prediction(
            id=None,
            perspective=column,
            theme=row_theme,
            text="",
            stance=Stance.NOT_ADDRESSED,
            conditions=[],
            rationale=None,
            interpreted_by=None,
            source=None,
            sources=[],
        )
    agents = row.get("interpretedBy") or []
    cell_sources = sources(row.get("sources") or [])
    return Prediction(
        id=strawberry.ID(row["iri"]),
        perspective=column,
        theme=row_theme,
        text=first(row.get("text")) or "",
        stance=Stance(row["stance"]),
        conditions=sorted(str(c) for c in as_list(row.get("condition"))),
        rationale=first(row.get("rationale")),
        interpreted_by=Agent(
            id=strawberry.ID(agents[0]["iri"]), label=first(agents[0].get("rdfs_label")) or ""
        )
        if agents
        else None,
        source=cell_sources[0] if cell_sources else None,
        sources=cell_sources,
    )


def _in_request_order(found: dict[str, Row], requested: list[str] | None, kind: str) -> list[Row]:
    if requested is None:
        return sorted(found.values(), key=lambda r: (first(r.get("order")) or 999, r["iri"]))
    missing = [iri for iri in requested if iri not in found]
    if missing:
        raise not_found(kind, missing)
    return [found[iri] for iri in requested]


def comparison_table(
    data: Row, perspectives: list[str] | None, themes: list[str] | None
) -> ComparisonTable:
    """Assemble the grid: rows in request order, exactly one cell per column."""
    columns = [
        perspective(r)
        for r in _in_request_order(
            {r["iri"]: r for r in data["columns"]}, perspectives, "perspective"
        )
    ]
    rows = [
        theme(r) for r in _in_request_order({r["iri"]: r for r in data["rows"]}, themes, "theme")
    ]
    cells = {(c["perspective"], c["theme"]): c for c in data["cells"]}
    shown = {c.id for c in columns} | {t.id for t in rows}
    footnotes = [
        Footnote(
            id=strawberry.ID(f["iri"]),
            mark=first(f.get("footnoteMark")),
            text=first(f.get("text")) or "",
            attached_to=strawberry.ID(f["attachedTo"]),
            source=next(iter(sources(f.get("sources") or [])), None),
        )
        for f in sorted(data["footnotes"], key=lambda f: f["iri"])
        if f["attachedTo"] in shown
    ]
    return ComparisonTable(
        columns=columns,
        rows=[
            ComparisonRow(
                theme=t, cells=[prediction(cells.get((c.id, t.id)), c, t) for c in columns]
            )
            for t in rows
        ],
        footnotes=footnotes,
    )
