"""Response caching keyed by the knowledge-base version (the KB changes only on load).

Every cacheable GET/POST answer carries ``ETag: "<kb version>-<request hash>"``; a client
sending it back in ``If-None-Match`` gets 304. Successful answers are kept in a small LRU
per process, keyed by method, URL, Accept header and body, and a hit is answered here, as
raw ASGI messages, without routing, GraphQL parsing or a database query.

The version is read from Neo4j at most once per ``version_ttl`` seconds (a load writes a
new version, which invalidates every entry at once). So an answer may be up to
``version_ttl`` seconds older than a load that finished meanwhile; ``version_ttl=0`` reads
the version on every request (docs/decisions/0007).
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.data.repository import Repository
from api.data.version import VersionClock
from smekg.database import DatabaseUnavailableError

CACHEABLE_PREFIXES = ("/graphql", "/tables/", "/works", "/graph", "/nodes")
Headers = list[tuple[bytes, bytes]]


@dataclass(frozen=True)
class Cached:
    body: bytes
    headers: Headers


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return b""


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


class ResponseCache:
    """Pure ASGI middleware: answers repeated requests from memory for one KB version."""

    def __init__(self, app: ASGIApp, size: int, version_ttl: float) -> None:
        self._app = app
        self._size = size
        self._clock = VersionClock(version_ttl)
        self._entries: OrderedDict[str, Cached] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "POST")
            or not scope["path"].startswith(CACHEABLE_PREFIXES)
        ):
            await self._app(scope, receive, send)
            return
        repository: Repository = scope["app"].state.repository
        try:
            version = await self._clock.current(repository)
        except DatabaseUnavailableError:
            version = None  # the handler reports the outage itself
        body = await _read_body(receive)
        replay = _replay(body, receive)
        if version is None:
            await self._app(scope, replay, send)
            return
        digest = hashlib.sha256(
            b"\0".join(
                [
                    scope["method"].encode(),
                    scope["path"].encode(),
                    scope["query_string"],
                    _header(scope, b"accept"),
                    body,
                ]
            )
        ).hexdigest()[:20]
        etag = f'"{version}-{digest}"'
        if _header(scope, b"if-none-match") == etag.encode():
            await _respond(send, 304, [(b"etag", etag.encode())], b"")
            return
        hit = self._entries.get(etag)
        if hit is not None:
            self._entries.move_to_end(etag)
            await _respond(send, 200, [*hit.headers, (b"x-cache", b"hit")], hit.body)
            return
        await self._app(scope, replay, self._capture(scope, etag, send))

    def _capture(self, scope: Scope, etag: str, send: Send) -> Send:
        """A `send` that adds ETag/X-Cache and keeps successful answers."""
        status = 0
        headers: Headers = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"etag"]
                if status == 200:
                    message = {
                        **message,
                        "headers": [*headers, (b"etag", etag.encode()), (b"x-cache", b"miss")],
                    }
            elif message["type"] == "http.response.body" and status == 200 and self._size:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._store(scope, etag, headers, b"".join(chunks))
            await send(message)

        return capture

    def _store(self, scope: Scope, etag: str, headers: Headers, body: bytes) -> None:
        if scope["path"].startswith("/graphql") and b'"errors"' in body:
            return  # partial answers and errors are never cached
        kept = [(k, v) for k, v in headers if k.lower() != b"x-cache"]
        self._entries[etag] = Cached(body, [*kept, (b"etag", etag.encode())])
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the already-read body over, then the client's own messages."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _respond(send: Send, status: int, headers: Headers, body: bytes) -> None:
    length = [(b"content-length", str(len(body)).encode())]
    fixed = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    await send({"type": "http.response.start", "status": status, "headers": fixed + length})
    await send({"type": "http.response.body", "body": body})
