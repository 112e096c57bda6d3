"""Liveness and readiness probes."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from api.data.version import Counters
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
    counters: Counters = request.app.state.clock.counters
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
    ]
    return "".join(
        f"# HELP smekg_{name}_total {text}\n# TYPE smekg_{name}_total counter\n"
        f"smekg_{name}_total {value}\n"
        for name, text, value in values
    )
