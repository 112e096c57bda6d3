"""The knowledge base's state as a process sees it, and the reader side of the swap protocol
(docs/decisions/0011, 0013).

A writer keeps ``seq`` on the ``:KnowledgeBase`` node: even = stable, odd = a swap is in
progress (until ``writingUntil``; after it an unfinished swap can no longer commit). A reader
*pins* a stable state before its first data read and *checks* after its last one that the
state is still the same: then no swap committed in between, so every read saw one snapshot.
"""

import asyncio
import time
from dataclasses import dataclass

from api.data.repository import Reads, Repository
from smekg.database import DatabaseUnavailableError
from smekg.kb_state import KbState, state_of

POLL_SECONDS = 0.025  # how often a reader waiting for a swap looks again


class KnowledgeBaseBusyError(DatabaseUnavailableError):
    """A swap is in progress and did not finish within SMEKG_SWAP_WAIT seconds."""


async def read_state(repository: Repository) -> KbState:
    """The state now, from Neo4j (one tiny named query)."""
    return state_of(await repository.kb_state())


@dataclass
class Counters:
    """What the protocol did, for /metrics."""

    waits: int = 0  # pins that waited for a swap to finish
    busy: int = 0  # requests refused because a swap outlasted SMEKG_SWAP_WAIT
    retries: int = 0  # answers thrown away because the state changed under them


class VersionClock:
    """The knowledge-base state, re-read from Neo4j when older than `ttl` seconds; one read
    at a time, however many requests ask."""

    def __init__(self, ttl: float, swap_wait: float) -> None:
        self._ttl = ttl
        self._swap_wait = swap_wait
        self._state: KbState | None = None
        self._read_at = float("-inf")
        self._lock = asyncio.Lock()
        self.counters = Counters()

    async def current(self, repository: Repository, max_age: float | None = None) -> KbState:
        """The state as read at most `max_age` (default: the TTL) seconds ago."""
        age = self._ttl if max_age is None else max_age
        if self._state is not None and time.monotonic() - self._read_at < age:
            return self._state
        async with self._lock:
            if self._state is not None and time.monotonic() - self._read_at < age:
                return self._state
            return self.observe(await read_state(repository))

    @property
    def last_version(self) -> str | None:
        """The version last read, however long ago (what a stale answer may be served of)."""
        return None if self._state is None else self._state.version

    def observe(self, state: KbState) -> KbState:
        """Remember a state read elsewhere (a check is a fresh read, too)."""
        self._state, self._read_at = state, time.monotonic()
        return state

    async def pin(self, repository: Repository, fresh: bool = False) -> KbState:
        """A stable state to read under: the cached one when stable, else the one after the
        swap in progress, waiting at most SMEKG_SWAP_WAIT seconds for it."""
        state = await self.current(repository, 0.0 if fresh else None)
        if state.stable:
            return state
        self.counters.waits += 1
        deadline = time.monotonic() + self._swap_wait
        while not state.stable:
            if time.monotonic() >= deadline:
                self.counters.busy += 1
                raise KnowledgeBaseBusyError("knowledge base update in progress")
            await asyncio.sleep(POLL_SECONDS)
            state = await self.current(repository, POLL_SECONDS)
        return state

    async def check(self, repository: Repository, reads: Reads) -> KbState:
        """The state after an attempt's last data read (fresh), remembered for the next pin:
        read with that read when it said it was the last, else read now."""
        if reads.count == 1 and reads.state_after is not None:
            return self.observe(state_of(reads.state_after))
        return self.observe(await read_state(repository))
