"""The web app built in ``web/dist`` (``make web``): the single-page app at ``/`` and its
routes, GraphiQL at ``/graphql`` (opening on ``api/examples.graphql``) and Swagger UI at
``/docs`` — every script and stylesheet served from here, none from a CDN.

Any GET path that is not the API's own answers the app's ``index.html`` (the app shows its
own "not found"), so that a shared link restores its view; paths under the API's prefixes
keep their 404. Without a build the three pages say how to build it, and the API serves on.
"""

import html
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

# First path segments that belong to the API: never answered with the app.
API_SEGMENTS = frozenset(
    {"graphql", "tables", "graph", "nodes", "healthz", "readyz", "metrics", "docs", "redoc"}
    | {"openapi.json", "works.bib", "works.json", "works"}
)
# A missing file of these kinds is a 404, not the app (a stale page asking for old assets).
STATIC_SUFFIXES = frozenset(
    {".js", ".mjs", ".css", ".map", ".svg", ".png", ".ico", ".woff2", ".txt"}
)
IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}
REVALIDATE = {"Cache-Control": "no-cache"}

router = APIRouter(include_in_schema=False)


def web_dir(request: Request) -> Path:
    """The build folder of this app (setting SMEKG_WEB_DIR, kept in app.state by create_app)."""
    folder: Path = request.app.state.web_dir
    return folder


def not_built(folder: Path, page: str, body: str) -> str:
    """A page saying that the web app is not built, and what serves meanwhile."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{page}: web app not built</title></head><body><main>"
        f"<h1>{page}: the web app is not built</h1>"
        "<p>Build it with <code>make web</code> (needs Node.js 20.19 or later; "
        "<code>make serve</code> builds it when Node is present), then reload this page. "
        f"The folder searched is <code>{html.escape(str(folder))}</code> "
        "(setting <code>SMEKG_WEB_DIR</code>).</p>"
        f"{body}</main></body></html>"
    )


@router.get("/docs")
async def api_reference(request: Request) -> Response:
    built = web_dir(request) / "docs.html"
    if not built.is_file():
        return HTMLResponse(
            not_built(
                web_dir(request),
                "API reference",
                "<p>The OpenAPI description is at <a href='/openapi.json'>/openapi.json</a>.</p>",
            ),
            headers=REVALIDATE,
        )
    return FileResponse(built, media_type="text/html", headers=REVALIDATE)


@router.api_route("/{path:path}", methods=["GET", "HEAD"])
async def app_route(path: str, request: Request) -> Response:
    root = web_dir(request).resolve()
    first = path.split("/", 1)[0]
    if first in API_SEGMENTS:
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    candidate = (root / path).resolve()
    inside = candidate.is_relative_to(root) and candidate.suffix != ".html"
    if path and inside and candidate.is_file():
        headers = IMMUTABLE if path.startswith("assets/") else REVALIDATE
        return FileResponse(candidate, headers=headers)
    if path.startswith("assets/") or Path(path).suffix.lower() in STATIC_SUFFIXES:
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    index = root / "index.html"
    if not index.is_file():
        return HTMLResponse(
            not_built(
                root,
                "SME Internationalization Knowledge Graph",
                "<p>The API serves meanwhile: <a href='/graphql'>/graphql</a> (GraphQL), "
                "<a href='/docs'>/docs</a>, <a href='/openapi.json'>/openapi.json</a>, "
                "<a href='/tables/comparison.html'>Table 1 as HTML</a>.</p>",
            ),
            headers=REVALIDATE,
        )
    return FileResponse(index, media_type="text/html", headers=REVALIDATE)
