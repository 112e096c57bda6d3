"""The GraphQL types of triangulation: what the literature says beside what the expert panel
found, linked by this project (never by either document), with the words of both."""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol, cast

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from api.graphql.types.composites import Category, Factor
from api.graphql.types.entities import (
    Agent,
    EntityLoaders,
    Perspective,
    Prediction,
    Source,
    Theme,
)


class TriangulationLoaders(EntityLoaders, Protocol):
    """The per-request loaders the relation fields below read through: the entities', and the
    panel's categories."""

    @property
    def category(self) -> DataLoader[str, Category]: ...


def _loaders(info: Info[Any, Any]) -> TriangulationLoaders:
    return cast("TriangulationLoaders", info.context.loaders)


@strawberry.enum(
    description="How the literature and the panel stand to each other on a link: this project's "
    "reading, not a statement of either document."
)
class Agreement(Enum):
    AGREE = strawberry.enum_value("AGREE", description="They say the same thing.")
    DISAGREE = strawberry.enum_value("DISAGREE", description="They say opposite things.")
    SPEAK_PAST = strawberry.enum_value(
        "SPEAK_PAST",
        description="They touch one subject but answer different questions.",
    )


@strawberry.type(
    description="The literature's side of a link: the review's perspective and/or "
    "theme, its predictions (with their evidence counts) and its words."
)
class LiteratureSide:
    sources: list[Source] = strawberry.field(
        description="The literature's verbatim words the link rests on."
    )
    perspective_id: strawberry.Private[str | None]
    theme_id: strawberry.Private[str | None]
    prediction_ids: strawberry.Private[list[str]]

    @strawberry.field(description="The review's perspective, if the link names one.")
    async def perspective(self, info: Info[Any, Any]) -> Perspective | None:
        if self.perspective_id is None:
            return None
        return await _loaders(info).perspective.load(self.perspective_id)

    @strawberry.field(description="The review's theme, if the link names one.")
    async def theme(self, info: Info[Any, Any]) -> Theme | None:
        if self.theme_id is None:
            return None
        return await _loaders(info).theme.load(self.theme_id)

    @strawberry.field(
        description="The perspective's prediction on the theme; all of the perspective's "
        "predictions when the link names no theme, all on the theme when it names no perspective; "
        "in the order of the review's Table 1 (rows, then columns)."
    )
    async def predictions(self, info: Info[Any, Any]) -> list[Prediction]:
        return await _loaders(info).prediction.load_many(self.prediction_ids)


@strawberry.type(
    description="The panel's side of a link: the factor, the categories the link "
    "names (each with its share of the N experts) and the panel paper's words."
)
class PanelSide:
    factor: Factor
    sources: list[Source] = strawberry.field(
        description="The panel paper's verbatim words the link rests on."
    )
    category_ids: strawberry.Private[list[str]]

    @strawberry.field(description="The categories of the factor the link names.")
    async def categories(self, info: Info[Any, Any]) -> list[Category]:
        return await _loaders(info).category.load_many(self.category_ids)


@strawberry.type(
    description="What the literature says beside what the expert panel found: a link this project "
    "made between the review's perspectives and themes and the panel's factors and categories."
)
class TriangulationLink:
    id: strawberry.ID
    summary: str = strawberry.field(description="This project's paraphrase of the pairing.")
    agreement: Agreement = strawberry.field(description="This project's reading (interpretedBy).")
    rationale: str | None = strawberry.field(description="Why this project reads it so.")
    interpreted_by: Agent | None = strawberry.field(
        description="Who made the link and its reading (this project): neither document links "
        "itself to the other."
    )
    literature: LiteratureSide
    panel: PanelSide
