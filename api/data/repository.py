"""Data access for the API: named Cypher queries in read transactions, rows as plain dicts.

Reads use the driver's asyncio API on the server's event loop: no thread-pool hand-off per
query (docs/decisions/0009).
"""

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from queries import query
from smekg.database import DatabaseUnavailableError

Row = dict[str, Any]


@dataclass
class Reads:
    """How many data reads one attempt at a request made (a check is needed only after one),
    and the knowledge-base state read right after the last of them, when it asked for it."""

    count: int = 0
    state_after: Row | None = None


_attempt: ContextVar[Reads | None] = ContextVar("smekg_attempt_reads", default=None)


def track_reads() -> Reads:
    """Count the data reads made from here on in this context (one request attempt)."""
    reads = Reads()
    _attempt.set(reads)
    return reads


class Repository:
    """Every read the API makes goes through here; resolvers never see the driver."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        self._driver = driver
        self._database = database
        self.queries_run = 0
        # A benchmark's tap: (name, statement, parameters) of every read.
        self.on_read: Callable[[str, str, dict[str, Any]], None] | None = None

    async def read(self, name: str, **params: Any) -> list[Row]:
        """Run the named read query with parameters; rows as dicts. Counted as a data read
        of the current request attempt (`track_reads`)."""
        return await self.read_statement(name, query(name), params)

    async def read_statement(
        self, name: str, cypher: LiteralString, params: dict[str, Any], *, last: bool = False
    ) -> list[Row]:
        """Run a statement built from named query parts (`api.graphql.plan`), as `read`.
        `last`: it is the attempt's last data read, so the knowledge-base state is read right
        after it in the same transaction (the check of decisions 0011 and 0013, without a round trip
        of its own)."""
        reads = _attempt.get()
        if reads is not None:
            reads.count += 1
        if not last or reads is None:
            return await self._run(name, cypher, params)
        rows, reads.state_after = await self._run_then_state(name, cypher, params)
        return rows

    async def kb_state(self) -> Row:
        """The knowledge base's version and swap state (not a data read)."""
        return (await self._run("get_kb_state", query("get_kb_state"), {}))[0]

    async def _run(self, name: str, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        async def work(tx: AsyncManagedTransaction) -> list[Row]:
            result = await tx.run(cypher, params)
            return await result.data()

        self.queries_run += 1
        if self.on_read is not None:
            self.on_read(name, cypher, params)
        try:
            async with self._driver.session(database=self._database) as session:
                return await session.execute_read(work)
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise DatabaseUnavailableError(f"Neo4j is unavailable: {exc}") from exc

    async def _run_then_state(
        self, name: str, cypher: LiteralString, params: dict[str, Any]
    ) -> tuple[list[Row], Row]:
        state: LiteralString = query("get_kb_state")

        async def work(tx: AsyncManagedTransaction) -> tuple[list[Row], Row]:
            rows = await (await tx.run(cypher, params)).data()
            return rows, (await (await tx.run(state)).data())[0]

        self.queries_run += 2
        if self.on_read is not None:
            self.on_read(name, cypher, params)
        try:
            async with self._driver.session(database=self._database) as session:
                return await session.execute_read(work)
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise DatabaseUnavailableError(f"Neo4j is unavailable: {exc}") from exc

    async def kb_version(self) -> Row | None:
        rows = await self.read("get_kb_version")
        return rows[0] if rows else None

    async def perspectives(self, family: str | None) -> list[Row]:
        return [r["row"] for r in await self.read("get_perspectives", iris=None, family=family)]

    async def perspectives_by_iri(self, iris: list[str]) -> list[Row]:
        return [r["row"] for r in await self.read("get_perspectives", iris=iris, family=None)]

    async def themes(self) -> list[Row]:
        return [r["row"] for r in await self.read("get_themes", iris=None)]

    async def themes_by_iri(self, iris: list[str]) -> list[Row]:
        return [r["row"] for r in await self.read("get_themes", iris=iris)]

    async def predictions(
        self, perspective: str | None, theme: str | None, stance: str | None
    ) -> tuple[list[Row], bool]:
        rows = await self.read(
            "get_predictions", iris=None, perspective=perspective, theme=theme, stance=stance
        )
        known = all(r["known"] for r in rows) if rows else await self._known(perspective, theme)
        return [r["row"] for r in rows], known

    async def _known(self, perspective: str | None, theme: str | None) -> bool:
        """Whether filter IRIs exist when a filtered query found nothing."""
        wanted = [i for i in (perspective, theme) if i is not None]
        return len(await self.read("get_resources", iris=wanted)) == len(wanted)

    async def predictions_by_iri(self, iris: list[str]) -> list[Row]:
        rows = await self.read(
            "get_predictions", iris=iris, perspective=None, theme=None, stance=None
        )
        return [r["row"] for r in rows]

    async def studies(self, **filters: Any) -> tuple[int, list[Row]]:
        row = (await self.read("get_studies", iris=None, **filters))[0]
        return row["total"], row["rows"]

    async def studies_by_iri(self, iris: list[str]) -> list[Row]:
        found = await self.read(
            "get_studies",
            iris=iris,
            search=None,
            yearFrom=None,
            yearTo=None,
            citedBy=None,
            citedByAll=None,
            skip=0,
            limit=len(iris),
        )
        rows: list[Row] = found[0]["rows"]
        return rows

    async def findings_by_iri(self, iris: list[str]) -> list[Row]:
        return [r["row"] for r in await self.read("get_findings", iris=iris)]

    async def comparison_table(
        self, perspectives: list[str] | None, themes: list[str] | None, max_cells: int
    ) -> Row:
        rows = await self.read(
            "get_comparison_table", perspectives=perspectives, themes=themes, maxCells=max_cells
        )
        return rows[0]

    async def categories_by_iri(self, iris: list[str]) -> list[Row]:
        rows = await self.read("get_categories", iris=iris, factor=None, minShare=None)
        return [r["row"] for r in rows]
