"""Liveness and readiness probes."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from api.data.outage import Outage
from api.data.version import Counters
from api.http.caching import CacheStats
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
    try:
        documents = await request.app.state.repository.source_documents()
    except DatabaseUnavailableError as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
    if documents == 0:
        reason = "the loaded graph holds no source document: it is not a knowledge base"
        return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
    return JSONResponse({"status": "ready", "documents": documents, **version})


@router.get(
    "/metrics", summary="Counters in Prometheus text format", response_class=PlainTextResponse
)
async def metrics(request: Request) -> str:
    counters: Counters = request.app.state.clock.counters
    outage: Outage = request.app.state.repository.outage
    values = [
        (
            "cypher_queries",
            "Cypher queries the API has run.",
            request.app.state.repository.queries_run,
        ),
        ("swap_waits", "Requests that waited for a knowledge-base swap.", counters.waits),
        (
            "swap_busy",
            "Requests refused (503) because a swap outlasted SMEKG_SWAP_WAIT.",
            counters.busy,
        ),
        (
            "snapshot_retries",
            "Answers read again because a swap committed under them.",
            counters.retries,
        ),
        ("neo4j_outages", "Times Neo4j was found unavailable.", outage.outages),
        (
            "outage_refusals",
            "Reads answered 503 during a remembered outage, without asking Neo4j.",
            outage.refused,
        ),
    ]
    cache: CacheStats = request.app.state.cache_stats
    values.append(("cache_too_large", "Answers too large to cache.", cache.too_large))
    gauges = [
        ("cache_entries", "Answers in the response cache.", cache.entries),
        ("cache_bytes", "Bytes the response cache holds (at most SMEKG_CACHE_BYTES).", cache.bytes),
    ]
    counted = "".join(
        f"# HELP smekg_{name}_total {text}\n# TYPE smekg_{name}_total counter\n"
        f"smekg_{name}_total {value}\n"
        for name, text, value in values
    )
    return counted + "".join(
        f"# HELP smekg_{name} {text}\n# TYPE smekg_{name} gauge\nsmekg_{name} {value}\n"
        for name, text, value in gauges
    )
