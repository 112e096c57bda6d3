"""GraphQL errors with a machine-readable ``extensions.code``."""

from graphql import GraphQLError


def not_found(kind: str, ids: list[str]) -> GraphQLError:
    joined = ", ".join(ids)
    return GraphQLError(f"unknown {kind} id(s): {joined}", extensions={"code": "NOT_FOUND"})


def bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def unavailable(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "SERVICE_UNAVAILABLE"})
