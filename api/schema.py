"""The GraphQL schema: root fields call the repository, then the pure mapping in `records`."""

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.types import Info

from api import records
from api.context import Context
from api.errors import unavailable
from api.masking import masking_extension
from api.types import ComparisonTable, Perspective, Theme
from smekg.database import DatabaseUnavailableError
from smekg.settings import get_settings


@strawberry.type
class Query:
    @strawberry.field(description="Theoretical perspectives, optionally of one family (an IRI).")
    def perspectives(
        self, info: Info[Context, None], family: strawberry.ID | None = None
    ) -> list[Perspective]:
        try:
            rows = info.context.repository.perspectives(family)
        except DatabaseUnavailableError as exc:
            raise unavailable(str(exc)) from exc
        return [records.perspective(r) for r in rows]

    @strawberry.field(description="Themes in the order of the review's Table 1 rows.")
    def themes(self, info: Info[Context, None]) -> list[Theme]:
        try:
            rows = info.context.repository.themes()
        except DatabaseUnavailableError as exc:
            raise unavailable(str(exc)) from exc
        return [records.theme(r) for r in rows]

    @strawberry.field(
        description="Perspectives (columns) against themes (rows), each in request order; "
        "defaults to Table 1's columns and rows. Exactly one cell per column in every row."
    )
    def comparison_table(
        self,
        info: Info[Context, None],
        perspectives: list[strawberry.ID] | None = None,
        themes: list[strawberry.ID] | None = None,
    ) -> ComparisonTable:
        wanted_p = [str(p) for p in perspectives] if perspectives is not None else None
        wanted_t = [str(t) for t in themes] if themes is not None else None
        try:
            data = info.context.repository.comparison_table(wanted_p, wanted_t)
        except DatabaseUnavailableError as exc:
            raise unavailable(str(exc)) from exc
        return records.comparison_table(data, wanted_p, wanted_t)


def build_schema() -> strawberry.Schema:
    settings = get_settings()
    return strawberry.Schema(
        query=Query,
        extensions=[
            lambda: QueryDepthLimiter(max_depth=settings.smekg_max_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.smekg_max_aliases),
            lambda: MaxTokensLimiter(max_token_count=settings.smekg_max_tokens),
            masking_extension,
        ],
    )


schema = build_schema()
