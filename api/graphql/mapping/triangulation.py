"""Pure mapping from a triangulation row (queries/get_triangulation.cypher) to its GraphQL type:
the link's excerpts split into the literature's words and the panel paper's."""

import strawberry

from api.graphql.mapping.assemble import factor
from api.graphql.mapping.records import Row, agent, first, sources
from api.graphql.types.triangulation import (
    Agreement,
    LiteratureSide,
    PanelSide,
    TriangulationLink,
)


def triangulation_link(row: Row) -> TriangulationLink:
    """The link; an excerpt in a document the factor rests on is the panel's, any other the
    literature's."""
    panel_documents = set(row.get("panelDocuments") or [])
    words = sources(row.get("sources"))
    return TriangulationLink(
        id=strawberry.ID(row["iri"]),
        summary=first(row.get("summary")) or "",
        agreement=Agreement(row["agreement"]),
        rationale=first(row.get("rationale")),
        interpreted_by=agent(row.get("interpretedBy")),
        literature=LiteratureSide(
            sources=[s for s in words if s.document.id not in panel_documents],
            perspective_id=row.get("perspective"),
            theme_id=row.get("theme"),
            prediction_ids=list(row.get("predictions") or []),
        ),
        panel=PanelSide(
            factor=factor(row["factor"]),
            sources=[s for s in words if s.document.id in panel_documents],
            category_ids=sorted(row.get("categories") or []),
        ),
    )
