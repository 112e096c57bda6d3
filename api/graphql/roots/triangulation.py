"""Root field on triangulation: the review's perspectives and themes beside the panel's factors."""

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.errors import guarded, not_found
from api.graphql.mapping.triangulation import triangulation_link
from api.graphql.types.triangulation import TriangulationLink

_FILTER = "only links that name this {}"


@strawberry.type
class TriangulationQuery:
    @strawberry.field(
        description="What the literature says beside what the expert panel found: this "
        "project's links between the review's perspectives / themes (with their predictions and "
        "evidence counts) and the panel's factors / categories (with share and N), whether they "
        "agree, disagree or speak past each other (the project's reading, with its rationale), "
        "and the words of both documents. Ordered by perspective, theme and factor."
    )
    async def triangulation(
        self,
        info: Info[Context, None],
        perspective: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description=_FILTER.format("perspective")
                + " (a perspective of the review: links name the review's perspectives; a panel "
                "perspective's counterparts are in Perspective.alignedWith)"
            ),
        ] = None,
        theme: Annotated[
            strawberry.ID | None, strawberry.argument(description=_FILTER.format("theme"))
        ] = None,
        factor: Annotated[
            strawberry.ID | None, strawberry.argument(description=_FILTER.format("factor"))
        ] = None,
    ) -> list[TriangulationLink]:
        filters = {"perspective": perspective, "theme": theme, "factor": factor}
        wanted = {k: str(v) for k, v in filters.items() if v is not None}
        rows = await guarded(
            info.context.repository.read,
            "get_triangulation",
            perspective=wanted.get("perspective"),
            theme=wanted.get("theme"),
            factor=wanted.get("factor"),
        )
        if not rows and wanted:
            known = await guarded(
                info.context.repository.read, "get_resources", iris=sorted(wanted.values())
            )
            found = {r["iri"] for r in known}
            missing = [iri for iri in wanted.values() if iri not in found]
            if missing:
                raise not_found(" or ".join(k for k, v in wanted.items() if v in missing), missing)
        return [triangulation_link(r["row"]) for r in rows]
