"""Pure mapping from query rows (dicts of Neo4j values) to GraphQL types."""

from collections.abc import Sequence
from typing import Any

import strawberry

from api.graphql.types.entities import (
    Agent,
    Alignment,
    CellText,
    Citation,
    Correction,
    CorrectionKind,
    Document,
    EvidenceCounts,
    Finding,
    Perspective,
    PerspectiveFamily,
    Prediction,
    PredictionLink,
    Relation,
    Source,
    Stance,
    Study,
    Theme,
)

Row = dict[str, Any]

# Relationship types of the ontology's finding -> prediction links, as GraphQL relations.
LINK_RELATIONS = {
    "supportsPrediction": Relation.SUPPORTS,
    "contradictsPrediction": Relation.CONTRADICTS,
    "qualifiesPrediction": Relation.QUALIFIES,
    "mixedEvidenceFor": Relation.MIXED,
    "supportsPerspective": Relation.SUPPORTS,
    "contradictsPerspective": Relation.CONTRADICTS,
}


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


def strings(value: Any) -> list[str]:
    return sorted(str(v) for v in as_list(value))


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
        prefix=first(row.get("quotePrefix")),
        suffix=first(row.get("quoteSuffix")),
    )


def sources(rows: Sequence[Row] | None) -> list[Source]:
    return sorted((source(r) for r in rows or []), key=lambda s: s.id)


def agent(rows: Sequence[Row] | None) -> Agent | None:
    if not rows:
        return None
    return Agent(id=strawberry.ID(rows[0]["iri"]), label=first(rows[0].get("rdfs_label")) or "")


def _cell_text(text: str | None, among: list[Source]) -> CellText | None:
    """A verbatim cell text with the excerpt that quotes it."""
    if text is None:
        return None
    return CellText(text=text, source=next((s for s in among if s.quote == text), None))


def perspective(row: Row) -> Perspective:
    family = row.get("family")
    own_sources = sources(row.get("sources"))
    return Perspective(
        id=strawberry.ID(row["iri"]),
        label=first(row.get("skos_prefLabel")) or row["iri"],
        alt_labels=strings(row.get("skos_altLabel")),
        family=PerspectiveFamily(
            id=strawberry.ID(family["iri"]), label=first(family.get("skos_prefLabel")) or ""
        )
        if family
        else None,
        definition=first(row.get("skos_definition")),
        scope_note=first(row.get("skos_scopeNote")),
        order=first(row.get("order")),
        documents=[strawberry.ID(d) for d in sorted(set(row.get("documents") or []))],
        representative_articles=_cell_text(first(row.get("representativeArticles")), own_sources),
        aligned_with=sorted(
            (
                Alignment(
                    kind=str(first(a.get("mappingKind"))),
                    rationale=first(a.get("rationale")),
                    perspective_id=a["other"],
                )
                for a in row.get("alignments") or []
                if a.get("other")
            ),
            key=lambda a: (a.perspective_id, a.kind),
        ),
        sources=own_sources,
        study_ids=sorted(row.get("representativeStudies") or []),
        prediction_ids=sorted(row.get("predictions") or []),
    )


def theme(row: Row) -> Theme:
    return Theme(
        id=strawberry.ID(row["iri"]),
        label=first(row.get("skos_prefLabel")) or row["iri"],
        proposition=first(row.get("proposition")) or "",
        number=first(row.get("themeNumber")),
        order=first(row.get("order")) or 0,
        sources=sources(row.get("sources")),
    )


def evidence_counts(links: Sequence[Row] | None) -> EvidenceCounts:
    relations = [LINK_RELATIONS[link["relation"]] for link in links or []]
    return EvidenceCounts(
        supports=relations.count(Relation.SUPPORTS),
        contradicts=relations.count(Relation.CONTRADICTS),
        qualifies=relations.count(Relation.QUALIFIES),
        mixed=relations.count(Relation.MIXED),
    )


def prediction(row: Row) -> Prediction:
    cell_sources = sources(row.get("sources"))
    return Prediction(
        id=strawberry.ID(row["iri"]),
        text=first(row.get("text")) or "",
        stance=Stance(row["stance"]),
        conditions=strings(row.get("condition")),
        rationale=first(row.get("rationale")),
        interpreted_by=agent(row.get("interpretedBy")),
        source=cell_sources[0] if cell_sources else None,
        sources=cell_sources,
        evidence=evidence_counts(row.get("evidence")),
        perspective_id=row["perspective"],
        theme_id=row["theme"],
    )


def not_addressed(perspective_id: str, theme_id: str) -> Prediction:
    """A cell for a perspective the source gives no prediction on the theme at all."""
    return Prediction(
        id=None,
        text="",
        stance=Stance.NOT_ADDRESSED,
        conditions=[],
        rationale=None,
        interpreted_by=None,
        source=None,
        sources=[],
        evidence=EvidenceCounts(supports=0, contradicts=0, qualifies=0, mixed=0),
        perspective_id=perspective_id,
        theme_id=theme_id,
    )


def citation(row: Row) -> Citation:
    return Citation(
        document=document(row["document"]),
        cited_as=strings(row.get("citedAs")),
        reference_entry=first(row.get("referenceEntry")),
        sources=sources(row.get("sources")),
    )


def correction(row: Row) -> Correction:
    return Correction(
        id=strawberry.ID(row["iri"]),
        work_id=strawberry.ID(row["work"]),
        kind=CorrectionKind(row["kind"]),
        reason=first(row.get("reason")) or "",
        notice=first(row.get("notice")) or "",
        recorded_at=row.get("recordedAt"),
        curator=first(row.get("curator")),
    )


def corrections(rows: Sequence[Row] | None) -> list[Correction]:
    return sorted((correction(r) for r in rows or []), key=lambda c: c.id)


def study(row: Row) -> Study:
    return Study(
        id=strawberry.ID(row["iri"]),
        authors=first(row.get("authorList")) or "",
        year=first(row.get("year")),
        year_suffix=first(row.get("yearSuffix")),
        title=in_language(row, "dcterms_title"),
        venue=first(row.get("venue")),
        volume=first(row.get("bibo_volume")),
        issue=first(row.get("bibo_issue")),
        pages=first(row.get("bibo_pages")),
        doi=first(row.get("bibo_doi")),
        work_type=first(row.get("workType")) or "unknown",
        cited_by=sorted(
            (citation(c) for c in row.get("citedBy") or []), key=lambda c: c.document.id
        ),
        corrections=corrections(row.get("corrections")),
        finding_ids=sorted(row.get("findings") or []),
        perspective_ids=sorted(row.get("perspectives") or []),
    )


def finding(row: Row) -> Finding:
    own_sources = sources(row.get("sources"))
    relation = row.get("relation")
    return Finding(
        id=strawberry.ID(row["iri"]),
        summary=first(row.get("summary")) or "",
        sample=first(row.get("sample")),
        country=first(row.get("country")),
        sector=first(row.get("sector")),
        method=first(row.get("method")),
        relation=Relation(relation) if relation else None,
        rationale=first(row.get("rationale")),
        interpreted_by=agent(row.get("interpretedBy")),
        source=own_sources[0] if own_sources else None,
        sources=own_sources,
        prediction_links=[
            PredictionLink(relation=LINK_RELATIONS[p["relation"]], prediction_id=p["prediction"])
            for p in sorted(row.get("predictions") or [], key=lambda p: p["prediction"])
        ],
        corrections=corrections(row.get("corrections")),
        study_ids=sorted(row.get("studies") or []),
        theme_ids=sorted(row.get("themes") or []),
    )
