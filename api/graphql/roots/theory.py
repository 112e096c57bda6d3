"""Root fields on the theories: perspectives, themes, predictions and the comparison table."""

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.errors import guarded, ids, not_found
from api.graphql.mapping import assemble, records
from api.graphql.types.composites import ComparisonTable
from api.graphql.types.entities import Perspective, Prediction, Stance, Theme
from smekg.settings import get_settings


@strawberry.type
class TheoryQuery:
    @strawberry.field(description="Theoretical perspectives, optionally of one family (an IRI).")
    async def perspectives(
        self, info: Info[Context, None], family: strawberry.ID | None = None
    ) -> list[Perspective]:
        rows = await guarded(info.context.repository.perspectives, family)
        if family is not None and not rows:
            known = await guarded(info.context.repository.read, "get_resources", iris=[str(family)])
            if not known:
                raise not_found("family", [str(family)])
        return [records.perspective(r) for r in rows]

    @strawberry.field(description="One perspective by id.")
    async def perspective(self, info: Info[Context, None], id: strawberry.ID) -> Perspective:
        return await info.context.loaders.perspective.load(str(id))

    @strawberry.field(description="Themes in the order of the review's Table 1 rows.")
    async def themes(self, info: Info[Context, None]) -> list[Theme]:
        return [records.theme(r) for r in await guarded(info.context.repository.themes)]

    @strawberry.field(description="One theme by id.")
    async def theme(self, info: Info[Context, None], id: strawberry.ID) -> Theme:
        return await info.context.loaders.theme.load(str(id))

    @strawberry.field(
        description="Perspectives (columns) against themes (rows), each in request order; "
        "defaults to Table 1's columns and rows. Exactly one cell per column in every row."
    )
    async def comparison_table(
        self,
        info: Info[Context, None],
        perspectives: list[strawberry.ID] | None = None,
        themes: list[strawberry.ID] | None = None,
    ) -> ComparisonTable:
        wanted_p, wanted_t = ids(perspectives), ids(themes)
        cap = get_settings().smekg_max_table_cells
        data = await guarded(info.context.repository.comparison_table, wanted_p, wanted_t, cap)
        return assemble.comparison_table(data, wanted_p, wanted_t, cap)

    @strawberry.field(description="Predictions, filtered by perspective, theme and stance.")
    async def predictions(
        self,
        info: Info[Context, None],
        perspective: strawberry.ID | None = None,
        theme: strawberry.ID | None = None,
        stance: Stance | None = None,
    ) -> list[Prediction]:
        p, t = ids([perspective] if perspective else None), ids([theme] if theme else None)
        rows, known = await guarded(
            info.context.repository.predictions,
            p[0] if p else None,
            t[0] if t else None,
            stance.value if stance else None,
        )
        if not known:
            raise not_found("perspective or theme", [i for i in (p or []) + (t or [])])
        return [records.prediction(r) for r in rows]
