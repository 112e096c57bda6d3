"""Liveness and readiness probes."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from smekg.database import DatabaseUnavailableError

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Neo4j is reachable and the knowledge base is loaded")
async def readyz(request: Request) -> JSONResponse:
    try:
        version = await request.app.state.repository.kb_version()
    except DatabaseUnavailableError as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
    if version is None:
        return JSONResponse(
            {"status": "unavailable", "reason": "the knowledge base is not loaded"}, status_code=503
        )
    return JSONResponse({"status": "ready", **version})


@router.get(
    "/metrics", summary="Counters in Prometheus text format", response_class=PlainTextResponse
)
async def metrics(request: Request) -> str:
    queries = request.app.state.repository.queries_run
    return (
        "# HELP smekg_cypher_queries_total Cypher queries the API has run.\n"
        "# TYPE smekg_cypher_queries_total counter\n"
        f"smekg_cypher_queries_total {queries}\n"
    )
