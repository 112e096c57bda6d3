"""Data access for the API: named Cypher queries in read transactions, rows as plain dicts."""

from typing import Any, LiteralString

from neo4j.exceptions import ServiceUnavailable, SessionExpired

from neo4j import Driver, ManagedTransaction
from queries import query
from smekg.database import DatabaseUnavailableError

Row = dict[str, Any]


class Repository:
    """Every read the API makes goes through here; resolvers never see the driver."""

    def __init__(self, driver: Driver, database: str) -> None:
        self._driver = driver
        self._database = database

    def read(self, name: str, **params: Any) -> list[Row]:
        """Run the named read query with parameters; rows as dicts."""
        cypher: LiteralString = query(name)

        def work(tx: ManagedTransaction) -> list[Row]:
            return [record.data() for record in tx.run(cypher, params)]

        try:
            with self._driver.session(database=self._database) as session:
                return session.execute_read(work)
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise DatabaseUnavailableError(f"Neo4j is unavailable: {exc}") from exc

    def kb_version(self) -> Row | None:
        rows = self.read("get_kb_version")
        return rows[0] if rows else None

    def perspectives(self, family: str | None) -> list[Row]:
        return [row["perspective"] for row in self.read("list_perspectives", family=family)]

    def themes(self) -> list[Row]:
        return [row["theme"] for row in self.read("list_themes")]

    def comparison_table(self, perspectives: list[str] | None, themes: list[str] | None) -> Row:
        rows = self.read("get_comparison_table", perspectives=perspectives, themes=themes)
        return rows[0]
