"""What a request may be, checked before anything else reads it (docs/decisions/0020).

- At most ``SMEKG_MAX_HEADERS`` header lines and ``SMEKG_MAX_HEADER_BYTES`` bytes of head
  (target and headers): else 431.
- At most ``SMEKG_MAX_BODY`` bytes of body: a larger ``Content-Length`` is refused before a
  byte is read; a body without one is read as it streams in and refused as soon as it
  passes the limit (413, and the connection is closed) — never held whole in memory.
- ``POST /graphql`` only as ``application/json`` or ``application/graphql``: a form or
  ``text/plain`` post (what any web page can send cross-origin without asking) is 415.
- A JSON body (and a GET's ``variables``) must be UTF-8 JSON, an object, nested at most
  ``SMEKG_MAX_JSON_DEPTH`` deep: else 400 — never a 500 from a parser.
"""

import json
from typing import Any
from urllib.parse import parse_qsl

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from api.http.asgi import header, replay, respond

GRAPHQL = "/graphql"
GRAPHQL_TYPES = (b"application/json", b"application/graphql")
BAD_REQUEST = "BAD_REQUEST"


class RefusedError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def json_depth(value: Any) -> int:
    """How deep objects and arrays nest in a parsed JSON value (a scalar: 0)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item)
    return deepest


def media_type(scope: Scope) -> bytes:
    return header(scope, b"content-type").split(b";", 1)[0].strip().lower()


class RequestLimits:
    """Pure ASGI middleware, outside the cache and every handler."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int,
        max_header_bytes: int,
        max_headers: int,
        max_json_depth: int,
    ) -> None:
        self._app = app
        self._max_body = max_body
        self._max_header_bytes = max_header_bytes
        self._max_headers = max_headers
        self._max_depth = max_json_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        try:
            self._check_head(scope)
            body = await self._read_body(scope, receive)
            self._check_graphql(scope, body)
        except RefusedError as refused:
            await _refuse(scope, send, refused)
            return
        await self._app(scope, replay(body, receive), send)

    def _check_head(self, scope: Scope) -> None:
        headers = scope["headers"]
        size = len(scope.get("raw_path") or b"") + len(scope["query_string"])
        size += sum(len(k) + len(v) for k, v in headers)
        if len(headers) > self._max_headers or size > self._max_header_bytes:
            raise RefusedError(
                431,
                f"request head too large: at most {self._max_headers} header lines and "
                f"{self._max_header_bytes} bytes (SMEKG_MAX_HEADERS, SMEKG_MAX_HEADER_BYTES)",
            )
        length = header(scope, b"content-length")
        if length and (not length.isdigit() or int(length) > self._max_body):
            raise RefusedError(413, self._too_large())
        posted = scope["method"] == "POST" and scope["path"] == GRAPHQL
        if posted and media_type(scope) not in GRAPHQL_TYPES:
            raise RefusedError(415, "POST /graphql takes application/json or application/graphql")

    def _too_large(self) -> str:
        return f"request body too large: at most {self._max_body} bytes (SMEKG_MAX_BODY)"

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self._max_body:
                raise RefusedError(413, self._too_large())
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _check_graphql(self, scope: Scope, body: bytes) -> None:
        if scope["path"] != GRAPHQL:
            return
        if scope["method"] == "POST" and media_type(scope) == b"application/graphql":
            try:
                body.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise RefusedError(400, f"the query is not UTF-8: {exc.reason}") from exc
            return
        if scope["method"] == "POST":
            payload = self._json(body, "the body")
            if not isinstance(payload, dict):
                raise RefusedError(400, "the body must be a JSON object with a query")
            return
        try:
            params = dict(parse_qsl(scope["query_string"].decode("utf-8", "strict")))
        except UnicodeDecodeError as exc:
            raise RefusedError(400, "the query string is not UTF-8") from exc
        if params.get("variables"):
            self._json(params["variables"].encode(), "variables")

    def _json(self, text: bytes, what: str) -> Any:
        try:
            value = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise RefusedError(400, f"{what} is not UTF-8 JSON: {exc}") from exc
        if json_depth(value) > self._max_depth:
            deepest = f"{self._max_depth} (SMEKG_MAX_JSON_DEPTH)"
            raise RefusedError(400, f"{what} nests deeper than {deepest}")
        return value


async def _refuse(scope: Scope, send: Send, refused: RefusedError) -> None:
    """The refusal in the answer format of the path; the connection is closed after it (a
    refused body may still be arriving)."""
    message = str(refused)
    if scope["path"].startswith(GRAPHQL):
        body: object = {"errors": [{"message": message, "extensions": {"code": BAD_REQUEST}}]}
    else:
        body = {"error": message}
    headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
    await respond(send, refused.status, headers, json.dumps(body).encode())
