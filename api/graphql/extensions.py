"""The strawberry extension that decides what a client sees of an error.

- An error we raise on purpose carries its code (NOT_FOUND, BAD_USER_INPUT, …) and is shown.
- A Neo4j outage met by *any* field — a root field, a nested one, a DataLoader — is
  SERVICE_UNAVAILABLE and the whole answer is HTTP 503: never a 200 that hides it.
- Anything else is unexpected: logged with its trace under the request's id, and answered
  as "Unexpected error." with ``extensions: {code: INTERNAL, requestId}`` and no trace.
"""

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from api.http.request_ids import current_request_id
from smekg.database import DatabaseUnavailableError

log = logging.getLogger(__name__)

SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
INTERNAL = "INTERNAL"


def _outage(error: GraphQLError) -> DatabaseUnavailableError | None:
    cause: BaseException | None = error.original_error
    while cause is not None:
        if isinstance(cause, DatabaseUnavailableError):
            return cause
        cause = cause.__cause__ if isinstance(cause, GraphQLError) else None
    return None


class ErrorOutcomes(MaskErrors):
    """MaskErrors that keeps the code and request id, and makes any outage a 503."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=self._should_mask, error_message="Unexpected error.")

    def _should_mask(self, error: GraphQLError) -> bool:
        original = error.original_error
        if original is None:
            return False  # validation and syntax errors: safe and useful to show
        outage = _outage(error)
        if outage is not None:
            error.message = str(outage)
            error.extensions = {**(error.extensions or {}), "code": SERVICE_UNAVAILABLE}
            return False
        if isinstance(original, GraphQLError) and (original.extensions or {}).get("code"):
            return False  # errors we raise on purpose carry a code
        request_id = current_request_id()
        log.error("unexpected error (request id %s)", request_id, exc_info=original)
        error.extensions = {**(error.extensions or {}), "code": INTERNAL, "requestId": request_id}
        return True

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        return GraphQLError(
            message=self.error_message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions=error.extensions,
        )

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        errors = getattr(self.execution_context.result, "errors", None) or []
        if any((e.extensions or {}).get("code") == SERVICE_UNAVAILABLE for e in errors):
            self.execution_context.context.response.status_code = 503
