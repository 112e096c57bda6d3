"""The GraphQL entity types: perspectives, themes, predictions, studies, findings and their
parts. IDs are the ontology IRIs.

Relation fields resolve through the request's DataLoaders (`api.graphql.loaders`), so a deep
request runs one query per relation level, never one per item. This module names only what
it needs of them (`EntityLoaders`), so it imports nothing of ours.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol, cast

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types import Info


class EntityLoaders(Protocol):
    """The per-request loaders the relation fields below read through."""

    @property
    def perspective(self) -> DataLoader[str, Perspective]: ...
    @property
    def theme(self) -> DataLoader[str, Theme]: ...
    @property
    def prediction(self) -> DataLoader[str, Prediction]: ...
    @property
    def study(self) -> DataLoader[str, Study]: ...
    @property
    def finding(self) -> DataLoader[str, Finding]: ...


def _loaders(info: Info[Any, Any]) -> EntityLoaders:
    return cast("EntityLoaders", info.context.loaders)


@strawberry.enum(description="A normalized reading of a prediction; this project's interpretation.")
class Stance(Enum):
    YES = "YES"
    NO = "NO"
    DEPENDS = "DEPENDS"
    CONDITIONAL = "CONDITIONAL"
    DESCRIPTIVE = "DESCRIPTIVE"
    NOT_ADDRESSED = "NOT_ADDRESSED"


@strawberry.enum(description="How a finding bears on a prediction or a theme's proposition.")
class Relation(Enum):
    SUPPORTS = "SUPPORTS"
    CONTRADICTS = "CONTRADICTS"
    QUALIFIES = "QUALIFIES"
    MIXED = "MIXED"


@strawberry.enum(description="What a finding's relation is relative to.")
class EvidenceBasis(Enum):
    PREDICTION = strawberry.enum_value(
        "PREDICTION", description="The finding is linked to this prediction itself."
    )
    THEME = strawberry.enum_value(
        "THEME", description="The finding bears on the theme; relation is to its proposition."
    )


@strawberry.enum(description="What happened to a published work after it was cited.")
class CorrectionKind(Enum):
    RETRACTION = "RETRACTION"
    CORRECTION = "CORRECTION"
    EXPRESSION_OF_CONCERN = "EXPRESSION_OF_CONCERN"


@strawberry.type(
    description="A recorded retraction, correction or expression of concern about a work, "
    "with its reason and notice (recorded by a curator with `smekg retract`)."
)
class Correction:
    id: strawberry.ID
    work_id: strawberry.ID
    kind: CorrectionKind
    reason: str
    notice: str = strawberry.field(description="The notice: its URL or its citation.")
    recorded_at: str | None
    curator: str | None


@strawberry.type(description="A source document whose words the knowledge base rests on.")
class Document:
    id: strawberry.ID
    title: str
    label: str


@strawberry.type(description="Where a statement stands in a source document, with its words.")
class Source:
    id: strawberry.ID
    document: Document
    locator: str = strawberry.field(description="Human-readable location (table, row, column…).")
    section: str | None
    table: str | None
    page: int | None
    quote: str = strawberry.field(description="The verbatim words.")
    prefix: str | None = strawberry.field(
        default=None,
        description="The document's words just before the quote (W3C TextQuoteSelector prefix, "
        "whitespace collapsed); null where the quote stands more than once in the text.",
    )
    suffix: str | None = strawberry.field(
        default=None, description="The document's words just after the quote."
    )


@strawberry.type(description="Who made an interpretation (this project).")
class Agent:
    id: strawberry.ID
    label: str


@strawberry.type(description="A table cell's verbatim text with where it stands.")
class CellText:
    text: str
    source: Source | None


@strawberry.type(
    description="A family of perspectives, e.g. traditional internationalization theories."
)
class PerspectiveFamily:
    id: strawberry.ID
    label: str


@strawberry.type(description="A SKOS mapping from this perspective to another document's one.")
class Alignment:
    kind: str = strawberry.field(description="exactMatch, closeMatch, broadMatch, narrowMatch…")
    rationale: str | None = strawberry.field(description="Why (this project's interpretation).")
    perspective_id: strawberry.Private[str]

    @strawberry.field(description="The aligned perspective.")
    async def perspective(self, info: Info[Any, Any]) -> Perspective:
        return await _loaders(info).perspective.load(self.perspective_id)


@strawberry.type(description="A theoretical perspective on SME internationalization.")
class Perspective:
    id: strawberry.ID
    label: str
    alt_labels: list[str]
    family: PerspectiveFamily | None
    definition: str | None
    scope_note: str | None
    order: int | None
    documents: list[strawberry.ID] = strawberry.field(description="Documents that discuss it.")
    representative_articles: CellText | None = strawberry.field(
        description="The review's Table 1 'Representative articles' cell for this perspective."
    )
    aligned_with: list[Alignment]
    sources: list[Source]
    study_ids: strawberry.Private[list[str]]
    prediction_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Works the source names as representative of it.")
    async def representative_studies(self, info: Info[Any, Any]) -> list[Study]:
        return await _loaders(info).study.load_many(self.study_ids)

    @strawberry.field(description="Its positions on the themes.")
    async def predictions(self, info: Info[Any, Any]) -> list[Prediction]:
        return await _loaders(info).prediction.load_many(self.prediction_ids)


@strawberry.type(description="A theme: a row of the comparison, with the proposition it tests.")
class Theme:
    id: strawberry.ID
    label: str
    proposition: str
    number: int | None
    order: int
    sources: list[Source]


@strawberry.type(description="Counts of findings linked to a prediction, by relation.")
class EvidenceCounts:
    supports: int
    contradicts: int
    qualifies: int
    mixed: int


@strawberry.type(description="A perspective's position on a theme: a cell of the comparison table.")
class Prediction:
    id: strawberry.ID | None = strawberry.field(
        description="Null only for a cell the source has no prediction for at all."
    )
    text: str = strawberry.field(description="The cell's verbatim text; empty for a blank cell.")
    stance: Stance
    conditions: list[str]
    rationale: str | None
    interpreted_by: Agent | None = strawberry.field(
        description="Who normalized the stance (this project); the source gives only the text."
    )
    source: Source | None
    sources: list[Source]
    evidence: EvidenceCounts
    perspective_id: strawberry.Private[str]
    theme_id: strawberry.Private[str]

    @strawberry.field
    async def perspective(self, info: Info[Any, Any]) -> Perspective:
        return await _loaders(info).perspective.load(self.perspective_id)

    @strawberry.field
    async def theme(self, info: Info[Any, Any]) -> Theme:
        return await _loaders(info).theme.load(self.theme_id)


@strawberry.type(description="A document's citation of a work, with the form it uses.")
class Citation:
    document: Document
    cited_as: list[str] = strawberry.field(description="In-text forms as printed (variants).")
    reference_entry: str | None = strawberry.field(description="Reference-list entry as printed.")
    sources: list[Source]


@strawberry.type(description="A cited work (study).")
class Study:
    id: strawberry.ID
    authors: str = strawberry.field(description="As printed.")
    year: int | None
    year_suffix: str | None
    title: str | None
    venue: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    work_type: str
    cited_by: list[Citation]
    corrections: list[Correction] = strawberry.field(
        description="Retractions and corrections recorded for it (empty when none)."
    )
    finding_ids: strawberry.Private[list[str]]
    perspective_ids: strawberry.Private[list[str]]

    @strawberry.field(description="What the source documents report it found.")
    async def findings(self, info: Info[Any, Any]) -> list[Finding]:
        return await _loaders(info).finding.load_many(self.finding_ids)

    @strawberry.field(description="Perspectives it is named representative of.")
    async def perspectives(self, info: Info[Any, Any]) -> list[Perspective]:
        return await _loaders(info).perspective.load_many(self.perspective_ids)


@strawberry.type(description="A finding's typed link to a prediction.")
class PredictionLink:
    relation: Relation
    prediction_id: strawberry.Private[str]

    @strawberry.field
    async def prediction(self, info: Info[Any, Any]) -> Prediction:
        return await _loaders(info).prediction.load(self.prediction_id)


@strawberry.type(description="An empirical result a source document reports about a study.")
class Finding:
    id: strawberry.ID
    summary: str = strawberry.field(
        description="This project's paraphrase; the words are in source."
    )
    sample: str | None
    country: str | None
    sector: str | None
    method: str | None
    relation: Relation | None = strawberry.field(
        description="Relative to the proposition of the theme(s) it bears on (interpretation)."
    )
    rationale: str | None
    interpreted_by: Agent | None
    source: Source | None
    sources: list[Source]
    prediction_links: list[PredictionLink]
    corrections: list[Correction] = strawberry.field(
        description="Retractions and corrections of the studies it rests on: when not empty, the "
        "finding rests on a work that was retracted or corrected after it was reported."
    )
    study_ids: strawberry.Private[list[str]]
    theme_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Whether a study it rests on was retracted or corrected.")
    def flagged(self) -> bool:
        return bool(self.corrections)

    @strawberry.field(description="The study (or studies) it reports on.")
    async def studies(self, info: Info[Any, Any]) -> list[Study]:
        return await _loaders(info).study.load_many(self.study_ids)

    @strawberry.field
    async def themes(self, info: Info[Any, Any]) -> list[Theme]:
        return await _loaders(info).theme.load_many(self.theme_ids)
