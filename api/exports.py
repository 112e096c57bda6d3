"""REST exports: the comparison table as files, the graph as RDF, the works as bibliographies.

Handlers are thin: read through the repository, assemble with `api.assemble`, render with
`api.formats`. Errors are JSON ``{"error": …}``: 404 for unknown ids, 406 for an Accept
header no RDF format satisfies, 503 when Neo4j is unavailable.
"""

from collections.abc import Callable, Coroutine
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool

from api import assemble, formats
from api.repository import Repository
from loaders.mapping import EdgeRecord, NodeRecord, to_rdf
from smekg.database import DatabaseUnavailableError
from smekg.settings import get_settings

TURTLE = "text/turtle"
JSONLD = "application/ld+json"
# Media ranges a client may send, and the RDF format each selects (first is the default).
ACCEPTABLE = {TURTLE: TURTLE, JSONLD: JSONLD, "application/json": JSONLD}
ERROR_RESPONSE: dict[str, Any] = {
    "content": {"application/json": {"example": {"error": "unknown perspective id(s): …"}}}
}


class ExportError(Exception):
    """A client error answered as JSON with its status code."""

    def __init__(self, status: int, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": message, **details}


class _JsonErrors(APIRoute):
    """Routes whose known failures become JSON error responses."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except ExportError as exc:
                return JSONResponse(exc.body, status_code=exc.status)
            except DatabaseUnavailableError as exc:
                return JSONResponse({"error": str(exc)}, status_code=503)

        return route


router = APIRouter(
    tags=["exports"],
    route_class=_JsonErrors,
    responses={503: {"description": "Neo4j is unavailable.", **ERROR_RESPONSE}},
)


class TableFormat(StrEnum):
    csv = "csv"
    md = "md"
    tex = "tex"
    html = "html"


def _repository(request: Request) -> Repository:
    repository: Repository = request.app.state.repository
    return repository


def _missing(found: list[dict[str, Any]], wanted: list[str] | None) -> list[str]:
    have = {row["iri"] for row in found}
    return [iri for iri in wanted or [] if iri not in have]


def _text(body: str, media_type: str, filename: str | None = None) -> Response:
    headers = {"Content-Disposition": f'inline; filename="{filename}"'} if filename else None
    return Response(body, media_type=f"{media_type}; charset=utf-8", headers=headers)


@router.get(
    "/tables/comparison.{fmt}",
    summary="The comparison table as CSV, Markdown, LaTeX or HTML",
    description="Perspectives (columns) against themes (rows), each cell with its source "
    "(document, locator, verbatim quote). `perspective` and `theme` may be repeated (IRIs) and "
    "keep the request order; without them the table is the review's Table 1. CSV is long "
    "format (one line per cell); Markdown, LaTeX and HTML give the wide table and a Sources "
    "table (see `api/formats.py`). Blank cells stay blank.",
    response_class=Response,
    responses={
        200: {
            "description": "The table in the requested format (UTF-8).",
            "content": {media: {} for _, media in formats.TABLE_FORMATS.values()},
        },
        404: {"description": "An unknown perspective or theme id.", **ERROR_RESPONSE},
    },
)
async def comparison_table(
    request: Request,
    fmt: TableFormat,
    perspective: Annotated[
        list[str] | None, Query(description="A perspective IRI; repeat for more columns.")
    ] = None,
    theme: Annotated[
        list[str] | None, Query(description="A theme IRI; repeat for more rows.")
    ] = None,
) -> Response:
    cap = get_settings().smekg_max_table_cells
    data = await _repository(request).comparison_table(perspective, theme, cap)
    missing = {
        "perspective": _missing(data["columns"], perspective),
        "theme": _missing(data["rows"], theme),
    }
    for kind, ids in missing.items():
        if ids:
            raise ExportError(404, f"unknown {kind} id(s): {', '.join(ids)}", unknown=ids)
    try:
        table = assemble.comparison_table(data, perspective, theme, cap)
    except GraphQLError as exc:
        code = (exc.extensions or {}).get("code")
        raise ExportError(404 if code == "NOT_FOUND" else 400, exc.message) from exc
    render, media_type = formats.TABLE_FORMATS[fmt.value]
    return _text(render(table), media_type, f"comparison.{fmt.value}")


def _negotiate(accept: str | None) -> str:
    """The RDF media type the Accept header prefers (q-values honoured; Turtle on ties)."""
    if not accept:
        return TURTLE
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))

    def quality(offered: str) -> float:
        kind = offered.split("/")[0]
        for pattern in (offered, f"{kind}/*", "*/*"):
            matched = [q for media, q in ranges if media == pattern]
            if matched:
                return max(matched)
        return 0.0

    best = max(ACCEPTABLE, key=quality)  # max keeps the first of equals: Turtle
    if quality(best) <= 0:
        raise ExportError(406, "no acceptable format", supported=sorted(ACCEPTABLE))
    return ACCEPTABLE[best]


async def _rdf_response(
    request: Request, nodes: list[NodeRecord], edges: list[EdgeRecord]
) -> Response:
    """Serialized off the event loop: the whole graph takes a while."""
    media_type = _negotiate(request.headers.get("accept"))
    body = await run_in_threadpool(lambda: formats.RDF_FORMATS[media_type](to_rdf(nodes, edges)))
    return Response(body, media_type=f"{media_type}; charset=utf-8", headers={"Vary": "Accept"})


def _nodes(rows: list[dict[str, Any]]) -> list[NodeRecord]:
    return [NodeRecord(r["iri"], tuple(r["labels"]), r["props"]) for r in rows]


def _edges(rows: list[dict[str, Any]]) -> list[EdgeRecord]:
    return [EdgeRecord(r["source"], r["type"], r["target"]) for r in rows]


RDF_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "RDF; `Accept: text/turtle` (default) or `application/ld+json`.",
        "content": {TURTLE: {}, JSONLD: {}},
    },
    406: {"description": "No supported RDF format is acceptable.", **ERROR_RESPONSE},
}


@router.get(
    "/graph",
    summary="The whole knowledge base as RDF",
    description="Every resource and relationship in Neo4j mapped back to RDF "
    "(docs/rdf-to-neo4j.md), isomorphic to the loaded Turtle. Turtle by default, JSON-LD "
    "for `Accept: application/ld+json`.",
    response_class=Response,
    responses=RDF_CONTENT,
)
async def graph(request: Request) -> Response:
    repository = _repository(request)
    nodes = _nodes(await repository.read("export_nodes"))
    edges = _edges(await repository.read("export_relationships"))
    return await _rdf_response(request, nodes, edges)


@router.get(
    "/nodes",
    summary="One resource's own triples as RDF",
    description="The triples whose subject is `iri`: its types (labels), literal properties "
    "and outgoing relationships. Turtle by default, JSON-LD for `Accept: application/ld+json`.",
    response_class=Response,
    responses={**RDF_CONTENT, 404: {"description": "No such resource.", **ERROR_RESPONSE}},
)
async def node(
    request: Request, iri: Annotated[str, Query(description="The resource's IRI.")]
) -> Response:
    repository = _repository(request)
    rows = await repository.read("get_node", iri=iri)
    if not rows:
        raise ExportError(404, f"unknown node id: {iri}", unknown=[iri])
    edges = _edges(await repository.read("get_node_relationships", iri=iri))
    return await _rdf_response(request, _nodes(rows), edges)


WorkIds = Annotated[
    list[str] | None,
    Query(
        alias="id",
        description="Only this work (an IRI); repeat for more. Keys stay as in the whole file.",
    ),
]


async def _works(
    request: Request, ids: list[str] | None
) -> tuple[list[dict[str, Any]], set[str] | None]:
    """Every work, and the chosen IRIs (None: all); an unknown IRI is a 404."""
    works = [row["work"] for row in await _repository(request).read("list_works")]
    if ids is None:
        return works, None
    missing = _missing(works, ids)
    if missing:
        raise ExportError(404, f"unknown work id(s): {', '.join(missing)}", unknown=missing)
    return works, set(ids)


@router.get(
    "/works.bib",
    summary="Every work (or the chosen ones) as BibTeX",
    description="Cited works and source documents with the metadata the knowledge base "
    "holds (authors as printed, as one literal name); keys are the IRI local names without "
    "`work-`/`doc-`. Entry type from workType; nothing is invented.",
    response_class=Response,
    responses={
        200: {"description": "BibTeX (UTF-8).", "content": {"application/x-bibtex": {}}},
        404: {"description": "An unknown work id.", **ERROR_RESPONSE},
    },
)
async def works_bibtex(request: Request, ids: WorkIds = None) -> Response:
    works, only = await _works(request, ids)
    return _text(formats.to_bibtex(works, only), "application/x-bibtex", "works.bib")


@router.get(
    "/works.json",
    summary="Every work (or the chosen ones) as CSL-JSON",
    description="The same works as `/works.bib`, as a CSL-JSON array (authors as literal "
    "names, `year-suffix` kept).",
    response_class=Response,
    responses={
        200: {
            "description": "CSL-JSON.",
            "content": {"application/vnd.citationstyles.csl+json": {}},
        },
        404: {"description": "An unknown work id.", **ERROR_RESPONSE},
    },
)
async def works_csl(request: Request, ids: WorkIds = None) -> Response:
    works, only = await _works(request, ids)
    body = formats.to_csl_json(works, only)
    return Response(body, media_type="application/vnd.citationstyles.csl+json; charset=utf-8")
