"""GraphQL types of composite answers: tables, evidence chains and maps, factors, pages, search."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Protocol, cast

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from api.graphql.types.entities import (
    Document,
    EvidenceBasis,
    Finding,
    Perspective,
    Prediction,
    Relation,
    Source,
    Study,
    Theme,
)


class CompositeLoaders(Protocol):
    """The per-request loaders the relation fields below read through."""

    @property
    def study(self) -> DataLoader[str, Study]: ...
    @property
    def category(self) -> DataLoader[str, Category]: ...
    @property
    def theme(self) -> DataLoader[str, Theme]: ...


def _loaders(info: Info[Any, Any]) -> CompositeLoaders:
    return cast("CompositeLoaders", info.context.loaders)


@strawberry.type(description="A note attached to a table column or row.")
class Footnote:
    id: strawberry.ID
    mark: str | None
    text: str
    attached_to: strawberry.ID
    source: Source | None


@strawberry.type(description="One theme with one cell per requested perspective, in order.")
class ComparisonRow:
    theme: Theme
    cells: list[Prediction]


@strawberry.type(
    description="A comparison of perspectives across themes, like the review's Table 1."
)
class ComparisonTable:
    columns: list[Perspective]
    rows: list[ComparisonRow]
    footnotes: list[Footnote]


@strawberry.type(description="A finding in an evidence chain, with how it bears on the prediction.")
class EvidenceItem:
    relation: Relation | None
    basis: EvidenceBasis
    finding: Finding


@strawberry.type(
    description="A prediction traced to findings, studies and the words of the sources."
)
class EvidenceChain:
    prediction: Prediction
    findings: list[EvidenceItem]
    documents: list[Document] = strawberry.field(description="Documents that discuss it.")


@strawberry.type(description="Evidence on one perspective's prediction for one theme.")
class EvidenceMapCell:
    perspective: Perspective
    theme: Theme
    prediction_id: strawberry.ID
    supports: int
    contradicts: int
    qualifies: int
    mixed: int
    corrected: int = strawberry.field(
        description="How many of the linked findings rest on a study since retracted or "
        "corrected (left out of the counts when the map is asked with excludeCorrected)."
    )
    study_ids: strawberry.Private[dict[str, list[str]]]

    @strawberry.field(description="The studies behind a count, e.g. relation: SUPPORTS.")
    async def studies(self, info: Info[Any, Any], relation: Relation) -> list[Study]:
        return await _loaders(info).study.load_many(self.study_ids.get(relation.value, []))


@strawberry.type(description="An item listed under a category.")
class Item:
    id: strawberry.ID
    label: str
    order: int


@strawberry.type(description="A factor or group, by id and label.")
class Named:
    id: strawberry.ID
    label: str


@strawberry.type(description="A share the prose gives for a category, beside the table's figure.")
class ReportedFigure:
    id: strawberry.ID
    share: float
    rationale: str | None
    source: Source | None


@strawberry.type(description="A category of a factor, with the share of experts who named it.")
class Category:
    id: strawberry.ID
    label: str
    share: float = strawberry.field(description="0-1, as the table prints it.")
    sample_size: int = strawberry.field(description="The N the share is of.")
    order: int
    items: list[Item]
    factor: Named
    group: Named | None
    source: Source | None
    sources: list[Source]
    reported_figures: list[ReportedFigure] = strawberry.field(
        description="Figures the prose gives for the same category (may disagree)."
    )


@strawberry.type(description="A factor of SME internationalization found by the expert panel.")
class Factor:
    id: strawberry.ID
    label: str
    order: int
    groups: list[Named]
    sources: list[Source]
    category_ids: strawberry.Private[list[str]]

    @strawberry.field
    async def categories(self, info: Info[Any, Any]) -> list[Category]:
        return await _loaders(info).category.load_many(self.category_ids)


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class StudyEdge:
    node: Study
    cursor: str


@strawberry.type(description="A page of studies (Relay connection).")
class StudyConnection:
    edges: list[StudyEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="Any other node, by id, kind and label.")
class OtherNode:
    id: strawberry.ID
    kind: str
    label: str


SearchNode = Annotated[
    Perspective | Theme | Prediction | Study | Finding | Category | OtherNode,
    strawberry.union("SearchNode"),
]


@strawberry.type(description="A full-text match: the node, the field matched and a snippet.")
class SearchHit:
    id: strawberry.ID
    kind: str
    label: str
    field: str
    snippet: str
    score: float
    node: SearchNode


@strawberry.type(description="A node a quality note concerns.")
class NodeRef:
    id: strawberry.ID
    kind: str
    label: str


@strawberry.type(description="A place where a source disagrees with itself, each side quoted.")
class QualityNote:
    id: strawberry.ID
    kind: str
    summary: str = strawberry.field(description="This project's description of the disagreement.")
    concerns: list[NodeRef]
    sides: list[Source] = strawberry.field(description="Each side's location and words.")


@strawberry.type(description="A category or demographic group of the panel, as printed.")
class ExpertGroup:
    id: strawberry.ID
    label: str
    kind: str
    count: int | None
    share: float | None
    source: Source | None


@strawberry.type(description="The expert panel: who, how chosen, how analysed.")
class ExpertPanel:
    id: strawberry.ID
    size: int
    selection: str | None
    method: str | None
    document: strawberry.ID
    groups: list[ExpertGroup]
    sources: list[Source]


@strawberry.enum(description="Whom an implication addresses.")
class ImplicationKind(Enum):
    POLICY = "POLICY"
    RESEARCH = "RESEARCH"
    PRACTICE = "PRACTICE"


@strawberry.type(description="A policy, research or practice implication a document draws.")
class Implication:
    id: strawberry.ID
    kind: ImplicationKind
    label: str | None = strawberry.field(description="The heading it stands under, or a title.")
    summary: str = strawberry.field(description="This project's paraphrase; words in source.")
    factors: list[Named]
    source: Source | None
    sources: list[Source]
    theme_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Themes it concerns.")
    async def themes(self, info: Info[Any, Any]) -> list[Theme]:
        return await _loaders(info).theme.load_many(self.theme_ids)
