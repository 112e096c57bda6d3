"""Strawberry extensions of our schema: error masking and the HTTP status of outages.

Unexpected exceptions reach the client as a generic error with a request id, never a trace;
a Neo4j outage is a 503 as well as an error code.
"""

import logging
import uuid
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

log = logging.getLogger(__name__)


def _should_mask(error: GraphQLError) -> bool:
    original = error.original_error
    if original is None:
        return False  # validation and syntax errors: safe and useful to show
    if isinstance(original, GraphQLError) and (original.extensions or {}).get("code"):
        return False  # errors we raise on purpose carry a code
    request_id = uuid.uuid4().hex[:12]
    log.error("unexpected error (request id %s)", request_id, exc_info=original)
    error.extensions = {**(error.extensions or {}), "code": "INTERNAL", "requestId": request_id}
    return True


def masking_extension() -> MaskErrors:
    return MaskErrors(should_mask_error=_should_mask, error_message="Unexpected error.")


class UnavailableStatus(SchemaExtension):
    """Sets HTTP 503 when any error carries the code SERVICE_UNAVAILABLE."""

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None) or []
        if any((e.extensions or {}).get("code") == "SERVICE_UNAVAILABLE" for e in errors):
            self.execution_context.context.response.status_code = 503
