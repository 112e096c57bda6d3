"""Every answer from one snapshot of the knowledge base: the reader side of the swap protocol
(docs/decisions/0011, 0013), for GraphQL and the REST exports alike.

Before a request's first data read its knowledge-base state is *pinned* (the version clock's
cached read, or, while a swap is in progress, the state after it: `VersionClock.pin`). The
request then runs with its response held back. If it read any data, the state is read again
afterwards; if it changed, a swap committed while the request read, so the answer is thrown
away and the whole request runs again from a fresh pin — at most `ATTEMPTS` times, then 503.
"""

import json
import logging
import math
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.data.repository import Repository, track_reads
from api.data.version import KnowledgeBaseBusyError, VersionClock
from api.http.asgi import Headers, read_body, replay, respond
from smekg.database import DatabaseUnavailableError
from smekg.kb_state import KbState

log = logging.getLogger(__name__)

SNAPSHOT_PREFIXES = ("/graphql", "/tables/", "/works", "/graph", "/nodes")
ATTEMPTS = 3
SCOPE_KEY = "smekg.snapshot"


@dataclass
class Snapshot:
    """Between the response cache and this middleware: the state the cache has just read
    (a first pin needs no read of its own) and the version the answer was read under."""

    pinned: KbState | None = None
    version: str | None = None  # None: not known (the answer is not cached)


class SnapshotReads:
    """Pure ASGI middleware: runs a request until its reads saw one knowledge-base state."""

    def __init__(self, app: ASGIApp, clock: VersionClock, swap_wait: float) -> None:
        self._app = app
        self._clock = clock
        self._retry_after = str(max(1, math.ceil(swap_wait))).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(SNAPSHOT_PREFIXES):
            await self._app(scope, receive, send)
            return
        repository: Repository = scope["app"].state.repository
        snapshot: Snapshot = scope.setdefault(SCOPE_KEY, Snapshot())
        body = await read_body(receive)
        try:
            state: KbState | None = snapshot.pinned
            if state is None or not state.stable:
                state = await self._clock.pin(repository)
        except KnowledgeBaseBusyError as exc:
            await self._unavailable(scope, send, str(exc))
            return
        except DatabaseUnavailableError:
            state = None  # the handler meets the outage itself and says so
        for _ in range(ATTEMPTS):
            reads = track_reads()
            held = await self._run(scope, replay(body, receive))
            if state is None or _status(held) == 503:
                await _release(held, send)
                return
            if reads.count == 0:  # the answer does not depend on the data
                snapshot.version = state.version
                await _release(held, send)
                return
            try:
                now = await self._clock.check(repository, reads)
            except DatabaseUnavailableError as exc:
                await self._unavailable(scope, send, str(exc))
                return
            if now.same_snapshot(state):
                snapshot.version = state.version
                await _release(held, send)
                return
            self._clock.counters.retries += 1
            log.info(
                "knowledge base changed during %s (seq %d -> %d): answering again",
                scope["path"],
                state.seq,
                now.seq,
            )
            try:
                state = now if now.stable else await self._clock.pin(repository, fresh=True)
            except KnowledgeBaseBusyError as exc:
                await self._unavailable(scope, send, str(exc))
                return
        await self._unavailable(
            scope, send, f"knowledge base update in progress (changed {ATTEMPTS} times)"
        )

    async def _run(self, scope: Scope, receive: Receive) -> list[Message]:
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await self._app(scope, receive, hold)
        return held

    async def _unavailable(self, scope: Scope, send: Send, message: str) -> None:
        """503 in the answer format of the path: GraphQL's errors, or the exports' JSON."""
        if scope["path"].startswith("/graphql"):
            error = {"message": message, "extensions": {"code": "SERVICE_UNAVAILABLE"}}
            body: object = {"data": None, "errors": [error]}
        else:
            body = {"error": message}
        headers: Headers = [
            (b"content-type", b"application/json"),
            (b"retry-after", self._retry_after),
        ]
        await respond(send, 503, headers, json.dumps(body).encode())


def _status(held: list[Message]) -> int:
    return next((int(m["status"]) for m in held if m["type"] == "http.response.start"), 0)


async def _release(held: list[Message], send: Send) -> None:
    for message in held:
        await send(message)
