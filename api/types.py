"""The GraphQL types. IDs are the ontology IRIs."""

from enum import Enum

import strawberry


@strawberry.enum(description="A normalized reading of a prediction; this project's interpretation.")
class Stance(Enum):
    YES = "YES"
    NO = "NO"
    DEPENDS = "DEPENDS"
    CONDITIONAL = "CONDITIONAL"
    DESCRIPTIVE = "DESCRIPTIVE"
    NOT_ADDRESSED = "NOT_ADDRESSED"


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


@strawberry.type(description="Who made an interpretation (this project).")
class Agent:
    id: strawberry.ID
    label: str


@strawberry.type(
    description="A family of perspectives, e.g. traditional internationalization theories."
)
class PerspectiveFamily:
    id: strawberry.ID
    label: str


@strawberry.type(description="A table cell's verbatim text with where it stands.")
class CellText:
    text: str
    source: Source | None


@strawberry.type(description="A theoretical perspective on SME internationalization.")
class Perspective:
    id: strawberry.ID
    label: str
    alt_labels: list[str]
    family: PerspectiveFamily | None
    definition: str | None
    order: int | None
    documents: list[strawberry.ID] = strawberry.field(description="Documents that discuss it.")
    representative_articles: CellText | None = strawberry.field(
        description="The review's Table 1 'Representative articles' cell for this perspective."
    )
    sources: list[Source]


@strawberry.type(description="A theme: a row of the comparison, with the proposition it tests.")
class Theme:
    id: strawberry.ID
    label: str
    proposition: str
    number: int | None
    order: int


@strawberry.type(description="A perspective's position on a theme: a cell of the comparison table.")
class Prediction:
    id: strawberry.ID | None = strawberry.field(
        description="Null only for a cell the source has no prediction for at all."
    )
    perspective: Perspective
    theme: Theme
    text: str = strawberry.field(description="The cell's verbatim text; empty for a blank cell.")
    stance: Stance
    conditions: list[str]
    rationale: str | None
    interpreted_by: Agent | None = strawberry.field(
        description="Who normalized the stance (this project); the source gives only the text."
    )
    source: Source | None
    sources: list[Source]


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
