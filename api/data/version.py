"""The knowledge-base version as a process sees it: read from Neo4j at most once per TTL."""

import asyncio
import time

from api.data.repository import Repository


class VersionClock:
    """The knowledge-base version, re-read from Neo4j when older than `ttl` seconds."""

    def __init__(self, ttl: float) -> None:
        self._ttl = ttl
        self._version: str | None = None
        self._read_at = float("-inf")
        self._lock = asyncio.Lock()

    async def current(self, repository: Repository) -> str | None:
        if time.monotonic() - self._read_at < self._ttl:
            return self._version
        async with self._lock:
            if time.monotonic() - self._read_at < self._ttl:
                return self._version
            row = await repository.kb_version()
            self._version = None if row is None else str(row["version"])
            self._read_at = time.monotonic()
            return self._version
