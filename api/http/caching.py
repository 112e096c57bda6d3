"""Response caching keyed by the knowledge-base version (the KB changes only on load).

Every cacheable GET/POST answer carries ``ETag: "<kb version>-<request hash>"``; a client
sending it back in ``If-None-Match`` gets 304. Successful answers are kept in a small LRU
per process, keyed by method, URL, Accept header and body, and a hit is answered here, as
raw ASGI messages, without routing, GraphQL parsing or a database query.

The version is read from Neo4j at most once per ``SMEKG_VERSION_TTL`` seconds (a load
writes a new version, which invalidates every entry at once). So an answer may be up to that
long older than a load that finished meanwhile; a TTL of 0 reads the version on every
request (docs/decisions/0007). A miss is answered by `api.http.snapshots.SnapshotReads`, and
kept under the version *it* was read under (decisions 0011 and 0013); a hit needs no check.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.data.repository import Repository
from api.data.version import KbState, VersionClock
from api.http.asgi import Headers, header, read_body, replay, respond
from api.http.snapshots import SCOPE_KEY, SNAPSHOT_PREFIXES, Snapshot
from smekg.database import DatabaseUnavailableError

CACHEABLE_PREFIXES = SNAPSHOT_PREFIXES


@dataclass(frozen=True)
class Cached:
    body: bytes
    headers: Headers


class ResponseCache:
    """Pure ASGI middleware: answers repeated requests from memory for one KB version."""

    def __init__(self, app: ASGIApp, size: int, clock: VersionClock) -> None:
        self._app = app
        self._size = size
        self._clock = clock
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
            state: KbState | None = await self._clock.current(repository)
        except DatabaseUnavailableError:
            state = None  # the handler reports the outage itself
        version = None if state is None else state.version
        body = await read_body(receive)
        again = replay(body, receive)
        if version is None:
            await self._app(scope, again, send)
            return
        digest = hashlib.sha256(
            b"\0".join(
                [
                    scope["method"].encode(),
                    scope["path"].encode(),
                    scope["query_string"],
                    header(scope, b"accept"),
                    body,
                ]
            )
        ).hexdigest()[:20]
        etag = _etag(version, digest)
        if header(scope, b"if-none-match") == etag.encode():
            await respond(send, 304, [(b"etag", etag.encode())], b"")
            return
        hit = self._entries.get(etag)
        if hit is not None:
            self._entries.move_to_end(etag)
            await respond(send, 200, [*hit.headers, (b"x-cache", b"hit")], hit.body)
            return
        snapshot = Snapshot(pinned=state)
        scope = {**scope, SCOPE_KEY: snapshot}
        await self._app(scope, again, self._capture(scope, snapshot, digest, send))

    def _capture(self, scope: Scope, snapshot: Snapshot, digest: str, send: Send) -> Send:
        """A `send` that adds ETag/X-Cache and keeps successful answers under the version
        they were read under."""
        status = 0
        etag = ""
        headers: Headers = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, etag, headers
            if message["type"] == "http.response.start":
                status = message["status"] if snapshot.version is not None else 0
                etag = _etag(snapshot.version, digest)
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


def _etag(version: str | None, digest: str) -> str:
    return f'"{version}-{digest}"'
