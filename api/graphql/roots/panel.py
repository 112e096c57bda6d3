"""Root fields on the expert panel's factors and their categories."""

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.errors import guarded, not_found
from api.graphql.mapping import assemble
from api.graphql.types.composites import Category, Factor


@strawberry.type
class PanelQuery:
    @strawberry.field(description="The six factors of the expert panel, in the paper's order.")
    async def factors(self, info: Info[Context, None]) -> list[Factor]:
        rows = await guarded(info.context.repository.read, "get_factors")
        return [assemble.factor(r["row"]) for r in rows]

    @strawberry.field(description="Categories, by factor and a minimum share of experts (0-1).")
    async def categories(
        self,
        info: Info[Context, None],
        factor: strawberry.ID | None = None,
        min_share: float | None = None,
    ) -> list[Category]:
        rows = await guarded(
            info.context.repository.read,
            "get_categories",
            iris=None,
            factor=str(factor) if factor else None,
            minShare=min_share,
        )
        if factor is not None and (not rows or not rows[0]["known"]):
            known = await guarded(info.context.repository.read, "get_resources", iris=[str(factor)])
            if not known:
                raise not_found("factor", [str(factor)])
        return [assemble.category(r["row"]) for r in rows]
