"""Pure assembly of composite answers (tables, chains, maps, factors, pages) from query rows."""

from collections import defaultdict
from typing import Any

import strawberry

from api.graphql.errors import bad_input, not_found
from api.graphql.mapping import records
from api.graphql.mapping.records import LINK_RELATIONS, Row, first, sources
from api.graphql.types.composites import (
    Category,
    ComparisonRow,
    ComparisonTable,
    EvidenceItem,
    EvidenceMapCell,
    ExpertGroup,
    ExpertPanel,
    Factor,
    Footnote,
    Implication,
    ImplicationKind,
    Item,
    Named,
    NodeRef,
    QualityNote,
    ReportedFigure,
)
from api.graphql.types.entities import (
    EvidenceBasis,
    Finding,
    Perspective,
    Prediction,
    Relation,
    Theme,
)


def in_request_order(found: dict[str, Row], requested: list[str] | None, kind: str) -> list[Row]:
    """Rows in the order asked for (default: the source's own order); unknown ids are errors."""
    if requested is None:
        return sorted(found.values(), key=lambda r: (first(r.get("order")) or 999, r["iri"]))
    missing = [iri for iri in requested if iri not in found]
    if missing:
        raise not_found(kind, missing)
    return [found[iri] for iri in requested]


def comparison_table(
    data: Row, perspectives: list[str] | None, themes: list[str] | None, max_cells: int
) -> ComparisonTable:
    """The grid: rows and columns in request order, exactly one cell per column in every row.

    A grid of more than `max_cells` cells is refused before it is built: every cell is filled
    (NOT_ADDRESSED where no prediction exists), so its size is columns x rows, not the data.
    """
    width = len(perspectives if perspectives is not None else data["columns"])
    height = len(themes if themes is not None else data["rows"])
    if width * height > max_cells:
        raise bad_input(
            f"the table would have {width} columns x {height} rows = {width * height} cells, "
            f"more than the {max_cells} allowed (SMEKG_MAX_TABLE_CELLS): "
            "choose perspectives and themes"
        )
    columns = [
        records.perspective(r)
        for r in in_request_order(
            {r["iri"]: r for r in data["columns"]}, perspectives, "perspective"
        )
    ]
    rows = [
        records.theme(r)
        for r in in_request_order({r["iri"]: r for r in data["rows"]}, themes, "theme")
    ]
    cells = {(c["perspective"], c["theme"]): c for c in data["cells"]}
    shown = {c.id for c in columns} | {t.id for t in rows}
    return ComparisonTable(
        columns=columns,
        rows=[ComparisonRow(theme=t, cells=[_cell(cells, c, t) for c in columns]) for t in rows],
        footnotes=[
            Footnote(
                id=strawberry.ID(f["iri"]),
                mark=first(f.get("footnoteMark")),
                text=first(f.get("text")) or "",
                attached_to=strawberry.ID(f["attachedTo"]),
                source=next(iter(sources(f.get("sources"))), None),
            )
            for f in sorted(data["footnotes"], key=lambda f: f["iri"])
            if f["attachedTo"] in shown
        ],
    )


def _cell(cells: dict[tuple[str, str], Row], column: Perspective, row: Theme) -> Prediction:
    found = cells.get((column.id, row.id))
    return records.prediction(found) if found else records.not_addressed(column.id, row.id)


def evidence_items(chain: Row, findings: dict[str, Finding]) -> list[EvidenceItem]:
    """Findings linked to the prediction first, then those bearing on its theme."""
    items = [
        EvidenceItem(
            relation=LINK_RELATIONS[link["relation"]],
            basis=EvidenceBasis.PREDICTION,
            finding=findings[link["finding"]],
        )
        for link in sorted(chain["linked"], key=lambda link: link["finding"])
    ]
    items += [
        EvidenceItem(
            relation=Relation(link["relation"]) if link["relation"] else None,
            basis=EvidenceBasis.THEME,
            finding=findings[link["finding"]],
        )
        for link in sorted(chain["thematic"], key=lambda link: link["finding"])
    ]
    return items


def evidence_map_cell(
    row: Row, perspective: Perspective, theme: Theme, exclude_corrected: bool = False
) -> EvidenceMapCell:
    studies: dict[str, list[str]] = defaultdict(list)
    counts: dict[Relation, int] = defaultdict(int)
    flagged = 0
    for link in row["evidence"]:
        if link.get("corrected"):
            flagged += 1
            if exclude_corrected:
                continue
        relation = LINK_RELATIONS[link["relation"]]
        counts[relation] += 1
        studies[relation.value].extend(
            s for s in link["studies"] if s not in studies[relation.value]
        )
    return EvidenceMapCell(
        perspective=perspective,
        theme=theme,
        prediction_id=strawberry.ID(row["prediction"]),
        supports=counts[Relation.SUPPORTS],
        contradicts=counts[Relation.CONTRADICTS],
        qualifies=counts[Relation.QUALIFIES],
        mixed=counts[Relation.MIXED],
        corrected=flagged,
        study_ids={k: sorted(v) for k, v in studies.items()},
    )


def _named(row: Row | None) -> Named | None:
    if not row:
        return None
    return Named(id=strawberry.ID(row["iri"]), label=first(row.get("skos_prefLabel")) or "")


def category(row: Row) -> Category:
    own_sources = sources(row.get("sources"))
    factor = _named(row["factor"])
    assert factor is not None
    return Category(
        id=strawberry.ID(row["iri"]),
        label=first(row.get("skos_prefLabel")) or "",
        share=float(first(row.get("share"))),
        sample_size=int(first(row.get("sampleSize"))),
        order=int(first(row.get("order")) or 0),
        items=sorted(
            (
                Item(
                    id=strawberry.ID(i["iri"]),
                    label=first(i.get("skos_prefLabel")) or "",
                    order=int(first(i.get("order")) or 0),
                )
                for i in row.get("items") or []
            ),
            key=lambda i: (i.order, i.id),
        ),
        factor=factor,
        group=_named(row.get("group")),
        source=own_sources[0] if own_sources else None,
        sources=own_sources,
        reported_figures=[
            ReportedFigure(
                id=strawberry.ID(f["iri"]),
                share=float(first(f.get("share"))),
                rationale=first(f.get("rationale")),
                source=next(iter(sources(f.get("sources"))), None),
            )
            for f in sorted(row.get("reportedFigures") or [], key=lambda f: f["iri"])
        ],
    )


def factor(row: Row) -> Factor:
    return Factor(
        id=strawberry.ID(row["iri"]),
        label=first(row.get("skos_prefLabel")) or "",
        order=int(first(row.get("order")) or 0),
        groups=sorted(
            (g for g in (_named(r) for r in row.get("groups") or []) if g), key=lambda g: g.id
        ),
        sources=sources(row.get("sources")),
        category_ids=sorted(row.get("categories") or []),
    )


def kind_of(labels: list[str]) -> str:
    """The most specific ontology label of a node, e.g. Prediction."""
    own = sorted(label for label in labels if label != "Resource" and "_" not in label)
    return own[0] if own else "Resource"


def quality_note(row: Row) -> QualityNote:
    return QualityNote(
        id=strawberry.ID(row["iri"]),
        kind=row["kind"],
        summary=first(row.get("summary")) or "",
        concerns=sorted(
            (
                NodeRef(
                    id=strawberry.ID(c["iri"]),
                    kind=kind_of(c["labels"]),
                    label=str(first(c.get("label")) or c["iri"]),
                )
                for c in row.get("concerns") or []
            ),
            key=lambda n: n.id,
        ),
        sides=sources(row.get("sources")),
    )


def expert_panel(row: Row) -> ExpertPanel:
    return ExpertPanel(
        id=strawberry.ID(row["iri"]),
        size=int(first(row.get("panelSize"))),
        selection=first(row.get("selection")),
        method=first(row.get("method")),
        document=strawberry.ID(row["document"]),
        groups=sorted(
            (
                ExpertGroup(
                    id=strawberry.ID(g["iri"]),
                    label=first(g.get("rdfs_label")) or "",
                    kind=first(g.get("groupKind")) or "",
                    count=first(g.get("count")),
                    share=first(g.get("share")),
                    source=next(iter(sources(g.get("sources"))), None),
                )
                for g in row.get("groups") or []
            ),
            key=lambda g: (g.kind != "expert category", g.kind, g.id),
        ),
        sources=sources(row.get("sources")),
    )


def snippet(fields: dict[str, Any], words: str) -> tuple[str, str]:
    """The field that matched the search words best, and a snippet of it."""
    lowered = [w.lower() for w in words.split() if w]
    best: tuple[int, str, str] = (-1, "", "")
    for name, value in sorted(fields.items()):
        for text in records.as_list(value):
            score = sum(w in str(text).lower() for w in lowered)
            if score > best[0]:
                best = (score, name, str(text))
    name, text = best[1], best[2]
    position = max(0, min((text.lower().find(w) for w in lowered if w in text.lower()), default=0))
    start = max(0, position - 60)
    return name, ("…" if start else "") + text[start : start + 200]


def implication(row: Row) -> Implication:
    own_sources = sources(row.get("sources"))
    return Implication(
        id=strawberry.ID(row["iri"]),
        kind=ImplicationKind(row["kind"]),
        label=first(row.get("rdfs_label")),
        summary=first(row.get("summary")) or "",
        factors=sorted(
            (f for f in (_named(r) for r in row.get("factors") or []) if f), key=lambda f: f.id
        ),
        source=own_sources[0] if own_sources else None,
        sources=own_sources,
        theme_ids=sorted(row.get("themes") or []),
    )
