"""HTTP status for GraphQL answers: a Neo4j outage is a 503, as well as an error code."""

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension


class UnavailableStatus(SchemaExtension):
    """Sets HTTP 503 when any error carries the code SERVICE_UNAVAILABLE."""

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None) or []
        if any((e.extensions or {}).get("code") == "SERVICE_UNAVAILABLE" for e in errors):
            self.execution_context.context.response.status_code = 503
