"""Relay-style pages: opaque cursors over offsets, and a page's PageInfo."""

import base64

from api.graphql.errors import bad_input
from api.graphql.types.composites import PageInfo

CURSOR_PREFIX = "offset:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The offset after `cursor` (0 without one); a malformed cursor is a user error."""
    if cursor is None:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(CURSOR_PREFIX):
            raise ValueError(text)
        return int(text.removeprefix(CURSOR_PREFIX)) + 1
    except ValueError as exc:
        raise bad_input(f"malformed cursor: {cursor!r}") from exc


def page_info(offset: int, count: int, total: int) -> PageInfo:
    return PageInfo(
        has_next_page=offset + count < total,
        has_previous_page=offset > 0,
        start_cursor=encode_cursor(offset) if count else None,
        end_cursor=encode_cursor(offset + count - 1) if count else None,
    )
