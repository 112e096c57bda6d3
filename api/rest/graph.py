"""The knowledge base as RDF: the whole graph, or one resource's own triples (Turtle or
JSON-LD by content negotiation), mapped back by the loader's reversible mapping."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import Response
from rdflib import Graph
from starlette.concurrency import run_in_threadpool

from api.rest.routing import ERROR_RESPONSE, ExportError, export_router, repository
from loaders.mapping import EdgeRecord, NodeRecord, to_rdf
from smekg.namespaces import PREFIXES

TURTLE = "text/turtle"
JSONLD = "application/ld+json"
# Media ranges a client may send, and the RDF format each selects (first is the default).
ACCEPTABLE = {TURTLE: TURTLE, JSONLD: JSONLD, "application/json": JSONLD}

router = export_router()


def to_turtle(graph: Graph) -> str:
    return str(graph.serialize(format="turtle"))


def to_jsonld(graph: Graph) -> str:
    context = {prefix or "smeo": str(namespace) for prefix, namespace in PREFIXES.items()}
    return str(graph.serialize(format="json-ld", context=context, indent=2))


RDF_FORMATS: dict[str, Callable[[Graph], str]] = {TURTLE: to_turtle, JSONLD: to_jsonld}


def negotiate(accept: str | None) -> str:
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
    media_type = negotiate(request.headers.get("accept"))
    body = await run_in_threadpool(lambda: RDF_FORMATS[media_type](to_rdf(nodes, edges)))
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
    reader = repository(request)
    nodes = _nodes(await reader.read("export_nodes"))
    edges = _edges(await reader.read("export_relationships"))
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
    reader = repository(request)
    rows = await reader.read("get_node", iri=iri)
    if not rows:
        raise ExportError(404, f"unknown node id: {iri}", unknown=[iri])
    edges = _edges(await reader.read("get_node_relationships", iri=iri))
    return await _rdf_response(request, _nodes(rows), edges)
