"""What every REST export shares: its route class (known failures answered as JSON
``{"error": …}`` with their status: 404 for unknown ids, 406 for an Accept header no format
satisfies, 503 when Neo4j is unavailable; anything unexpected 500 with ``code: INTERNAL``
and the request's id, its trace only in the log), the repository and plain-text responses."""

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import ValidationException
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from api.data.repository import Repository
from api.http.request_ids import current_request_id
from smekg.database import DatabaseUnavailableError

log = logging.getLogger(__name__)

ERROR_RESPONSE: dict[str, Any] = {
    "content": {"application/json": {"example": {"error": "unknown perspective id(s): …"}}}
}


class ExportError(Exception):
    """A client error answered as JSON with its status code."""

    def __init__(self, status: int, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": message, **details}


class ExportRoute(APIRoute):
    """Routes whose known failures become JSON error responses."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except ExportError as exc:
                return JSONResponse(exc.body, status_code=exc.status)
            except DatabaseUnavailableError as exc:
                return JSONResponse(
                    {"error": str(exc), "code": "SERVICE_UNAVAILABLE"},
                    status_code=503,
                    headers={"Retry-After": "1"},
                )
            except (HTTPException, ValidationException):
                raise  # FastAPI answers these itself (404, 405, 422)
            except Exception:
                request_id = current_request_id()
                log.exception("unexpected error (request id %s)", request_id)
                body = {"error": "Unexpected error.", "code": "INTERNAL", "requestId": request_id}
                return JSONResponse(body, status_code=500)

        return route


def export_router() -> APIRouter:
    """A router whose routes answer their known failures as JSON (`ExportRoute`)."""
    return APIRouter(
        tags=["exports"],
        route_class=ExportRoute,
        responses={503: {"description": "Neo4j is unavailable.", **ERROR_RESPONSE}},
    )


def repository(request: Request) -> Repository:
    repository: Repository = request.app.state.repository
    return repository


def text_response(body: str, media_type: str, filename: str | None = None) -> Response:
    headers = {"Content-Disposition": f'inline; filename="{filename}"'} if filename else None
    return Response(body, media_type=f"{media_type}; charset=utf-8", headers=headers)
