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

The cache cannot be flooded (docs/decisions/0020): its key holds only what the answer
depends on (`api.http.cache_keys`: the query parameters the route reads, the Accept header
only where it negotiates), and it holds at most ``SMEKG_CACHE_BYTES`` bytes, an answer at
most an eighth of them. While Neo4j is unavailable a cached answer of the last version read
is still served, marked ``X-Cache: stale``.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.data.repository import Repository
from api.data.version import VersionClock
from api.http.asgi import Headers, header, read_body, replay, respond
from api.http.cache_keys import cache_key, etag_matches
from api.http.snapshots import SCOPE_KEY, SNAPSHOT_PREFIXES, Snapshot
from smekg.database import DatabaseUnavailableError
from smekg.kb_state import KbState

CACHEABLE_PREFIXES = SNAPSHOT_PREFIXES


@dataclass
class CacheStats:
    """What the cache holds, for /metrics."""

    entries: int = 0
    bytes: int = 0
    too_large: int = 0  # answers not kept: more than an eighth of SMEKG_CACHE_BYTES


@dataclass(frozen=True)
class Cached:
    body: bytes
    headers: Headers

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 64


class ResponseCache:
    """Pure ASGI middleware: answers repeated requests from memory for one KB version."""

    def __init__(
        self, app: ASGIApp, size: int, clock: VersionClock, max_bytes: int, stats: CacheStats
    ) -> None:
        self._app = app
        self._size = size if max_bytes > 0 else 0
        self._max_bytes = max_bytes
        self._clock = clock
        self._entries: OrderedDict[str, Cached] = OrderedDict()
        self._stats = stats

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "POST")
            or not scope["path"].startswith(CACHEABLE_PREFIXES)
        ):
            await self._app(scope, receive, send)
            return
        repository: Repository = scope["app"].state.repository
        body = await read_body(receive)
        again = replay(body, receive)
        digest = hashlib.sha256(cache_key(scope, body)).hexdigest()[:20]
        try:
            state: KbState | None = await self._clock.current(repository)
        except DatabaseUnavailableError:
            last = self._clock.last_version
            stale = None if last is None else self._entries.get(_etag(last, digest))
            if stale is not None:  # the last good version's answer, marked as such
                await respond(send, 200, [*stale.headers, (b"x-cache", b"stale")], stale.body)
            else:
                await self._app(scope, again, send)  # the handler reports the outage itself
            return
        version = None if state is None else state.version
        if version is None:
            await self._app(scope, again, send)
            return
        etag = _etag(version, digest)
        if etag_matches(header(scope, b"if-none-match"), etag):
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
        size = 0
        etag = ""
        headers: Headers = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, size, etag, headers
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
                size += len(chunks[-1])
                if size > self._max_bytes // 8:
                    status = 0  # too large to keep: it would crowd out many others
                    self._stats.too_large += 1
                elif not message.get("more_body", False):
                    self._store(scope, etag, headers, b"".join(chunks))
            await send(message)

        return capture

    def _store(self, scope: Scope, etag: str, headers: Headers, body: bytes) -> None:
        if scope["path"].startswith("/graphql") and b'"errors"' in body:
            return  # partial answers and errors are never cached
        kept = [(k, v) for k, v in headers if k.lower() != b"x-cache"]
        entry = Cached(body, [*kept, (b"etag", etag.encode())])
        stats = self._stats
        previous = self._entries.pop(etag, None)
        if previous is not None:
            stats.bytes -= previous.size
        self._entries[etag] = entry
        stats.bytes += entry.size
        while len(self._entries) > self._size or stats.bytes > self._max_bytes:
            _, dropped = self._entries.popitem(last=False)
            stats.bytes -= dropped.size
        stats.entries = len(self._entries)


def _etag(version: str | None, digest: str) -> str:
    return f'"{version}-{digest}"'
