"""The GraphiQL page, opening on example queries for each user group (api/examples.graphql)."""

from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter
from strawberry.http.ides import get_graphql_ide_html

from api.graphql.context import Context

EXAMPLES = Path(__file__).resolve().parent.parent / "examples.graphql"
_OPENING = "const EXAMPLE_QUERY = `"


def graphiql_html() -> str:
    """Strawberry's GraphiQL page with its welcome text replaced by our examples."""
    page = get_graphql_ide_html("graphiql")
    start = page.index(_OPENING) + len(_OPENING)
    end = page.index("`;", start)
    examples = EXAMPLES.read_text(encoding="utf-8").replace("\\", "\\\\").replace("`", "\\`")
    return page[:start] + examples.replace("${", "\\${") + page[end:]


class ExamplesGraphQLRouter(GraphQLRouter[Context, None]):
    """The GraphQL router whose GraphiQL page opens on our examples."""

    _page = graphiql_html()

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(self._page)
