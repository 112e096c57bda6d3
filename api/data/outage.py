"""What an outage of Neo4j is, and remembering one (docs/decisions/0019).

Every driver error that means "the database cannot answer now" — a refused or reset
connection, a lost session, a commit whose outcome is unknown, a database that is starting
or stopping — becomes `DatabaseUnavailableError`, which GraphQL and the exports answer as
503 SERVICE_UNAVAILABLE. After one, the process does not ask Neo4j again for
`SMEKG_OUTAGE_BACKOFF` seconds: every read fails at once instead of each queuing for its
own connection attempt. Then one read probes; while it runs the others still fail at once,
and its success ends the outage for everyone.
"""

import logging
import time

from neo4j.exceptions import DatabaseUnavailable, ServiceUnavailable, SessionExpired

from smekg.database import DatabaseUnavailableError

log = logging.getLogger(__name__)

# IncompleteCommit, ReadServiceUnavailable and RoutingServiceUnavailable are
# ServiceUnavailable; DatabaseUnavailable: starting or stopping; a reset connection can
# surface as an OSError from the socket. (Other transient errors of one query are answered
# 503 too, by the repository, without taking the database for down.)
OUTAGE_ERRORS: tuple[type[BaseException], ...] = (
    ServiceUnavailable,
    SessionExpired,
    DatabaseUnavailable,
    OSError,
)


class Outage:
    """The circuit breaker of one process's reads."""

    def __init__(self, backoff: float) -> None:
        self._backoff = backoff
        # A probe of a database that is still starting may connect and then wait: it gives up
        # after this long, so that the outage's answers stay fast and the next probe follows.
        self.probe_timeout = max(1.0, 2 * backoff)
        self._until = float("-inf")
        self._reason: str | None = None
        self._probing = False
        self.refused = 0  # reads answered 503 without asking Neo4j (for /metrics)
        self.outages = 0  # times Neo4j was found unavailable

    @property
    def reason(self) -> str | None:
        return self._reason

    def admit(self) -> bool:
        """Whether a read may ask Neo4j now; raises while an outage is remembered. True: this
        read is the probe that ends the outage (`succeeded`) or renews it (`failed`)."""
        if self._reason is None:
            return False
        if time.monotonic() < self._until or self._probing:
            self.refused += 1
            raise DatabaseUnavailableError(f"Neo4j is unavailable ({self._reason})")
        self._probing = True
        return True

    def succeeded(self, probe: bool) -> None:
        if probe:
            self._probing = False
        if self._reason is not None:
            log.warning("Neo4j answers again: the outage is over")
            self._reason = None

    def failed(self, probe: bool, error: BaseException) -> DatabaseUnavailableError:
        """Remember the outage; the error to raise."""
        if probe:
            self._probing = False
        if self._reason is None:
            self.outages += 1
            log.warning("Neo4j is unavailable: %s; answering 503 for %.1f s", error, self._backoff)
        self._reason = type(error).__name__
        self._until = time.monotonic() + self._backoff
        return DatabaseUnavailableError(f"Neo4j is unavailable ({self._reason})")

    def abandoned(self, probe: bool) -> None:
        """A read cancelled before it knew (the client went away)."""
        if probe:
            self._probing = False
