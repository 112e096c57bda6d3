"""Unexpected exceptions reach the client as a generic error with a request id, never a trace."""

import logging
import uuid

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

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
