"""Helpers for the loader tests."""

from typing import Any

from neo4j import Driver

from smekg.settings import Settings


def private_nodes(driver: Driver, settings: Settings) -> int:
    """Nodes under the loader's private labels (staged or retired), which a load must clean."""
    with driver.session(database=settings.neo4j_database) as session:
        record = session.run(
            "MATCH (n) WHERE n:_Staging OR n:_Retired RETURN count(n) AS n"
        ).single(strict=True)
    return int(record["n"])


def kb_record(driver: Driver, settings: Settings) -> dict[str, Any]:
    """The published knowledge base's bookkeeping node, as a dict."""
    with driver.session(database=settings.neo4j_database) as session:
        record = session.run("MATCH (k:KnowledgeBase) RETURN k").single(strict=True)
    return dict(record["k"]) | {"writingUntil": record["k"].get("writingUntil")}
