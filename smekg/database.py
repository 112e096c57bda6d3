"""Opening the Neo4j driver, with errors a person can act on."""

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from smekg.settings import Settings


class DatabaseUnavailableError(Exception):
    """Neo4j cannot be reached or refuses our credentials."""


def open_driver(settings: Settings) -> Driver:
    """A driver whose connectivity has been verified."""
    driver = GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=5.0,
        notifications_min_severity="OFF",
    )
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise DatabaseUnavailableError(
            f"Neo4j at {settings.neo4j_uri} refused user {settings.neo4j_user!r}: "
            "check NEO4J_USER / NEO4J_PASSWORD"
        ) from exc
    except (ServiceUnavailable, OSError, ValueError) as exc:
        driver.close()
        raise DatabaseUnavailableError(
            f"cannot reach Neo4j at {settings.neo4j_uri}: {exc} "
            "(start it with `make neo4j-start` or set NEO4J_URI)"
        ) from exc
    return driver
