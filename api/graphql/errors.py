"""GraphQL errors with a machine-readable ``extensions.code``, and the outage guard."""

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from graphql import GraphQLError

from smekg.database import DatabaseUnavailableError

T = TypeVar("T")


def not_found(kind: str, ids: list[str]) -> GraphQLError:
    joined = ", ".join(ids)
    return GraphQLError(f"unknown {kind} id(s): {joined}", extensions={"code": "NOT_FOUND"})


def bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def unavailable(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "SERVICE_UNAVAILABLE"})


async def guarded(function: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
    """A repository call; an outage becomes SERVICE_UNAVAILABLE."""
    try:
        return await function(*args, **kwargs)
    except DatabaseUnavailableError as exc:
        raise unavailable(str(exc)) from exc


def ids(values: list[strawberry.ID] | None) -> list[str] | None:
    """IDs as the plain strings the repository takes (None stays None: no filter)."""
    return [str(v) for v in values] if values is not None else None
