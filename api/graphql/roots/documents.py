"""Root fields on what the documents say of themselves: quality notes, implications and
the expert panel."""

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.errors import guarded, not_found
from api.graphql.mapping import assemble
from api.graphql.types.composites import ExpertPanel, Implication, ImplicationKind, QualityNote


@strawberry.type
class DocumentsQuery:
    @strawberry.field(description="Where a source disagrees with itself (optionally one document).")
    async def quality_notes(
        self, info: Info[Context, None], document: strawberry.ID | None = None
    ) -> list[QualityNote]:
        rows = await guarded(
            info.context.repository.read,
            "get_quality_notes",
            document=str(document) if document else None,
        )
        if document is not None and not rows:
            raise not_found("document", [str(document)])
        return [assemble.quality_note(r["row"]) for r in rows]

    @strawberry.field(
        description="Implications, by kind, theme, factor (or its categories), document."
    )
    async def implications(
        self,
        info: Info[Context, None],
        kind: ImplicationKind | None = None,
        theme: strawberry.ID | None = None,
        factor: strawberry.ID | None = None,
        document: strawberry.ID | None = None,
    ) -> list[Implication]:
        filters = {"theme": theme, "factor": factor, "document": document}
        wanted = {k: str(v) if v is not None else None for k, v in filters.items()}
        rows = await guarded(
            info.context.repository.read,
            "get_implications",
            kind=kind.value if kind else None,
            **wanted,
        )
        given = [v for v in wanted.values() if v is not None]
        if given and not rows:
            known = await guarded(info.context.repository.read, "get_resources", iris=given)
            if len(known) < len(given):
                raise not_found("theme, factor or document", given)
        return [assemble.implication(r["row"]) for r in rows]

    @strawberry.field(description="The expert panel(s): size, selection, groups, method.")
    async def expert_panels(self, info: Info[Context, None]) -> list[ExpertPanel]:
        rows = await guarded(info.context.repository.read, "get_expert_panel")
        return [assemble.expert_panel(r["row"]) for r in rows]
