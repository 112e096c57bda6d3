"""Data access for the API: named Cypher queries in read transactions, rows as plain dicts.

Reads use the driver's asyncio API on the server's event loop: no thread-pool hand-off per
query (docs/decisions/0009).
"""

import asyncio
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, LiteralString

from neo4j import READ_ACCESS, AsyncDriver
from neo4j.exceptions import TransientError

from api.data.outage import OUTAGE_ERRORS, Outage
from queries import code, part, query
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


@lru_cache(maxsize=256)  # one per plan (api.graphql.plan keeps 256)
def then_state(cypher: LiteralString, columns: tuple[str, ...]) -> LiteralString:
    """`cypher` (returning `columns`) with the knowledge base's state read after it, in one
    statement (``queries/parts/then_kb_state.cypher``): one row of ``answers`` (the data rows)
    and the state's columns. Only fixed texts and the statement's own column names."""
    fields = ", ".join(f"{column}: {column}" for column in columns)
    text = code(part("then_kb_state")).replace("{{statement}}", cypher)
    return text.replace("{{columns}}", fields).replace("{{state}}", code(query("get_kb_state")))


class Repository:
    """Every read the API makes goes through here; resolvers never see the driver."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        outage: Outage | None = None,
        read_timeout: float = 15.0,
    ) -> None:
        self._driver = driver
        self._database = database
        self.outage = outage or Outage(backoff=1.0)
        self.outage.attach(self._ping)
        self._read_timeout = read_timeout
        self.queries_run = 0
        # A benchmark's tap: (name, statement, parameters) of every read.
        self.on_read: Callable[[str, str, dict[str, Any]], None] | None = None

    async def read(self, name: str, **params: Any) -> list[Row]:
        """Run the named read query with parameters; rows as dicts. Counted as a data read
        of the current request attempt (`track_reads`)."""
        return await self.read_statement(name, query(name), params)

    async def read_statement(
        self,
        name: str,
        cypher: LiteralString,
        params: dict[str, Any],
        *,
        last: tuple[str, ...] = (),
    ) -> list[Row]:
        """Run a statement built from named query parts (`api.graphql.plan`), as `read`.
        `last`: the statement's columns, when it is the attempt's last data read; the
        knowledge-base state is then read right after it in the same statement (the check of
        decisions 0011 and 0013 without a statement of its own: decision 0031)."""
        reads = _attempt.get()
        if reads is not None:
            reads.count += 1
        if not last or reads is None:
            return await self._run(name, cypher, params)
        rows, reads.state_after = await self._run_then_state(name, cypher, params, last)
        return rows

    async def kb_state(self) -> Row:
        """The knowledge base's version and swap state (not a data read)."""
        return (await self._run("get_kb_state", query("get_kb_state"), {}))[0]

    async def _run(self, name: str, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        self.queries_run += 1
        if self.on_read is not None:
            self.on_read(name, cypher, params)
        return await self._transact(cypher, params)

    async def _run_then_state(
        self, name: str, cypher: LiteralString, params: dict[str, Any], columns: tuple[str, ...]
    ) -> tuple[list[Row], Row]:
        self.queries_run += 1
        if self.on_read is not None:
            self.on_read(name, cypher, params)
        (row,) = await self._transact(then_state(cypher, columns), params)
        answers: list[Row] = row.pop("answers")
        return answers, row

    async def _transact(self, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
        """One statement in its own read transaction (auto-commit: one round trip), tried once
        and bounded in time: an outage is answered at once (503, the client retries after
        Retry-After) and remembered (`api.data.outage`), never retried here; a read that does
        not finish in SMEKG_READ_TIMEOUT seconds is a 503 too, never a hang."""
        self.outage.admit()
        try:
            async with (
                asyncio.timeout(self._read_timeout),
                self._driver.session(
                    database=self._database, default_access_mode=READ_ACCESS
                ) as session,
            ):
                result = await session.run(cypher, params)
                return [dict(record) async for record in result]
        except TimeoutError as exc:
            limit = f"{self._read_timeout:g}"
            raise DatabaseUnavailableError(f"Neo4j did not answer within {limit} s") from exc
        except OUTAGE_ERRORS as exc:
            raise self.outage.failed(exc) from exc
        except TransientError as exc:
            raise DatabaseUnavailableError(f"Neo4j is busy ({exc.code})") from exc

    async def _ping(self) -> None:
        """The outage's probe: the knowledge base's state, outside the breaker and the count."""
        async with self._driver.session(
            database=self._database, default_access_mode=READ_ACCESS
        ) as session:
            await (await session.run(query("get_kb_state"))).consume()

    async def kb_version(self) -> Row | None:
        rows = await self.read("get_kb_version")
        return rows[0] if rows else None

    async def source_documents(self) -> int:
        documents: int = (await self.read("count_source_documents"))[0]["documents"]
        return documents

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
