"""What an outage of Neo4j is, and remembering one (docs/decisions/0019).

Every driver error that means "the database cannot answer now" — a refused or reset
connection, a lost session, a commit whose outcome is unknown, a database that is starting
or stopping — becomes `DatabaseUnavailableError`, which GraphQL and the exports answer as
503 SERVICE_UNAVAILABLE. After one, the process does not ask Neo4j again from a request:
every read fails at once instead of each queuing for its own connection attempt. Every
`SMEKG_OUTAGE_BACKOFF` seconds one probe asks Neo4j in the background — a database that is
starting may accept a connection and then make it wait, and no client waits with it — and
its success ends the outage for every request.
"""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from neo4j.exceptions import DatabaseUnavailable, ServiceUnavailable, SessionExpired

from smekg.database import DatabaseUnavailableError

log = logging.getLogger(__name__)

# IncompleteCommit, ReadServiceUnavailable and RoutingServiceUnavailable are
# ServiceUnavailable; DatabaseUnavailable: starting or stopping; a reset connection can
# surface as an OSError from the socket. (Other transient errors of one query are answered
# 503 too, by the repository, without taking the database for down.)
OUTAGE_ERRORS: tuple[type[Exception], ...] = (
    ServiceUnavailable,
    SessionExpired,
    DatabaseUnavailable,
    OSError,
)

PROBE_ERRORS: tuple[type[Exception], ...] = (*OUTAGE_ERRORS, TimeoutError)


class Outage:
    """The circuit breaker of one process's reads, and its background probe."""

    def __init__(self, backoff: float, probe_timeout: float = 15.0) -> None:
        self._backoff = backoff
        self._probe_timeout = probe_timeout
        self._until = float("-inf")
        self._reason: str | None = None
        self._ping: Callable[[], Awaitable[None]] | None = None
        self._probe: asyncio.Task[None] | None = None
        self.refused = 0  # reads answered 503 without asking Neo4j (for /metrics)
        self.outages = 0  # times Neo4j was found unavailable

    def attach(self, ping: Callable[[], Awaitable[None]]) -> None:
        """The read a probe makes (one tiny query, outside the breaker)."""
        self._ping = ping

    @property
    def reason(self) -> str | None:
        return self._reason

    def admit(self) -> None:
        """Return if a read may ask Neo4j; raise while an outage is remembered (starting the
        probe when it is due)."""
        if self._reason is None:
            return
        if time.monotonic() >= self._until and self._probe is None and self._ping is not None:
            self._probe = asyncio.get_running_loop().create_task(self._run_probe())
        self.refused += 1
        raise DatabaseUnavailableError(f"Neo4j is unavailable ({self._reason})")

    def failed(self, error: BaseException) -> DatabaseUnavailableError:
        """Remember the outage; the error to raise."""
        if self._reason is None:
            self.outages += 1
            log.warning("Neo4j is unavailable: %s; answering 503 until it answers again", error)
        self._reason = type(error).__name__
        self._until = time.monotonic() + self._backoff
        return DatabaseUnavailableError(f"Neo4j is unavailable ({self._reason})")

    async def _run_probe(self) -> None:
        assert self._ping is not None
        try:
            async with asyncio.timeout(self._probe_timeout):
                await self._ping()
        except PROBE_ERRORS as exc:
            self._reason = type(exc).__name__
            self._until = time.monotonic() + self._backoff
        except Exception as exc:  # it answered, if with an error: requests will meet it
            log.warning("Neo4j answers again, with an error: %s", exc)
            self._reason = None
        else:
            log.warning("Neo4j answers again: the outage is over")
            self._reason = None
        finally:
            self._probe = None
