"""The GraphiQL page: GraphiQL bundled by the web build (``web/graphiql.html``, no CDN),
opening on example queries for each user group (api/examples.graphql)."""

import html
import json
import re
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter

from api.graphql.context import Context
from api.http.web import REVALIDATE, not_built, web_dir

EXAMPLES = Path(__file__).resolve().parent.parent / "examples.graphql"
_EXAMPLES_BLOCK = re.compile(
    r'(<script type="application/json" id="graphiql-examples">).*?(</script>)', re.S
)


def graphiql_html(folder: Path) -> str:
    """The GraphiQL page built in `folder`, its examples block filled in."""
    examples = EXAMPLES.read_text(encoding="utf-8")
    built = folder / "graphiql.html"
    if not built.is_file():
        return not_built(
            folder,
            "GraphiQL",
            "<p>The API answers GraphQL requests (POST <code>/graphql</code>) meanwhile. "
            f"Example queries:</p><pre>{html.escape(examples)}</pre>",
        )
    # JSON in a <script type="application/json"> block is data, never run; "<" is escaped
    # so that the text cannot close the element.
    data = json.dumps(examples).replace("<", "\\u003c")
    page, filled = _EXAMPLES_BLOCK.subn(
        lambda block: block[1] + data + block[2], built.read_text(encoding="utf-8"), count=1
    )
    if not filled:
        raise RuntimeError(f"{built} has no graphiql-examples block: rebuild with `make web`")
    return page


class ExamplesGraphQLRouter(GraphQLRouter[Context, None]):
    """The GraphQL router whose GraphiQL page is the bundled one, opening on our examples."""

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(graphiql_html(web_dir(request)), headers=REVALIDATE)
