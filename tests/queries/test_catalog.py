"""Every query file is valid Cypher (EXPLAIN against the real Neo4j) and used by some code."""

import re

import pytest
from neo4j import Driver

from queries import names, query
from smekg.settings import Settings
from tests.conftest import ROOT

CODE = "\n".join(
    p.read_text(encoding="utf-8")
    for folder in ("api", "loaders", "smekg", "ingest", "commands", "bench")
    for p in (ROOT / folder).rglob("*.py")
)
PARAMS = re.compile(r"\$(\w+)")


@pytest.mark.parametrize("name", names())
def test_query_explains(driver: Driver, settings: Settings, name: str) -> None:
    text = query(name)
    assert text.startswith("//"), f"{name}.cypher must open with a comment saying what it answers"
    params = dict.fromkeys(PARAMS.findall(text))
    with driver.session(database=settings.neo4j_database) as session:
        session.run("EXPLAIN " + text, params).consume()


@pytest.mark.parametrize("name", names())
def test_query_is_used(name: str) -> None:
    assert f'"{name}"' in CODE, f"queries/{name}.cypher is used by no code"
