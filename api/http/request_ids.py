"""Every request gets an id: in the ``X-Request-ID`` response header, in the log line of any
unexpected error, and in the ``requestId`` an INTERNAL error shows its client — so an
operator finds the trace a user reports. A client's own ``X-Request-ID`` is kept when it
is short and plain (a proxy's id then follows the request through)."""

import re
import uuid
from contextvars import ContextVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.asgi import header

_current: ContextVar[str] = ContextVar("smekg_request_id", default="")
_PLAIN = re.compile(rb"[A-Za-z0-9._-]{1,64}")


def current_request_id() -> str:
    """The id of the request being answered (a fresh one outside a request)."""
    return _current.get() or uuid.uuid4().hex[:16]


class RequestIds:
    """Pure ASGI middleware: sets the request's id and answers it in ``X-Request-ID``."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        given = header(scope, b"x-request-id")
        request_id = given.decode() if _PLAIN.fullmatch(given) else uuid.uuid4().hex[:16]
        _current.set(request_id)

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self._app(scope, receive, tagged)
