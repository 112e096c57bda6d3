"""``make test`` never empties a database that is not its own, and ``make -n test`` starts
nothing (docs/decisions/0022)."""

import os
import subprocess
import sys
from pathlib import Path

from neo4j import Driver

from smekg.settings import Settings
from tests.conftest import ROOT, TEST_MARKER


def _count(driver: Driver, settings: Settings, cypher: str) -> int:
    with driver.session(database=settings.neo4j_database) as session:
        record = session.run(cypher).single()
    assert record is not None
    return int(record[0])


def test_a_database_without_the_marker_is_refused_before_anything_is_deleted(
    clean_db: Driver, settings: Settings
) -> None:
    """The test database as if it were someone's: unmarked, holding a node, named by an
    exported NEO4J_URI. A test run against it stops at once and deletes nothing."""
    with clean_db.session(database=settings.neo4j_database) as session:
        session.run(f"MATCH (m:{TEST_MARKER}) DELETE m").consume()
        session.run("CREATE (:SomeonesData {name: 'keep me'})").consume()
    env = {k: v for k, v in os.environ.items() if k != "SMEKG_STARTED_NEO4J"}
    env.update(
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_USER=settings.neo4j_user,
        NEO4J_PASSWORD=settings.neo4j_password.get_secret_value(),
    )
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "tests/loaders/test_store.py",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        kept = _count(clean_db, settings, "MATCH (n:SomeonesData) RETURN count(n)")
    finally:
        with clean_db.session(database=settings.neo4j_database) as session:
            session.run(f"CREATE (:{TEST_MARKER})").consume()
    assert result.returncode == 2, result.stdout[-2000:]
    assert f"refusing to test against {settings.neo4j_uri}" in result.stdout + result.stderr
    assert kept == 1


def test_make_n_test_starts_no_neo4j(tmp_path: Path) -> None:
    home = tmp_path / "neo4j-home"
    result = subprocess.run(
        ["make", "-n", "test", f"TEST_NEO4J=NEO4J_HOME_DIR={home} NEO4J_BOLT_PORT=1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "scripts/with-neo4j.sh" in result.stdout
    assert not home.exists()
