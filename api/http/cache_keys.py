"""What a cached answer is keyed by: only what the answer depends on, so that junk added to a
request (unknown query parameters, their order, an exotic Accept header) cannot make a new
entry of the same answer (docs/decisions/0020); and how ``If-None-Match`` is compared."""

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.types import Scope

from api.http.asgi import header
from api.rest.graph import negotiate
from api.rest.routing import ExportError

GRAPHQL_PARAMETERS = frozenset({"query", "variables", "operationName"})
NEGOTIATED = ("/graph", "/nodes")  # answers that depend on the Accept header


def _query_parameters(app: Any) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """(path pattern, query parameter names) of every documented route, from the app's own
    OpenAPI description (computed once per process)."""
    known: list[tuple[re.Pattern[str], frozenset[str]]] | None = getattr(
        app.state, "query_parameters", None
    )
    if known is None:
        known = []
        for template, operations in app.openapi()["paths"].items():
            names = frozenset(
                parameter["name"]
                for operation in operations.values()
                for parameter in operation.get("parameters", [])
                if parameter.get("in") == "query"
            )
            pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template))
            known.append((re.compile(f"{pattern}$"), names))
        app.state.query_parameters = known
    return known


def route_parameters(scope: Scope) -> frozenset[str]:
    """The query parameters the route answering `scope` reads (none for an unknown path)."""
    if scope["path"] == "/graphql":
        return GRAPHQL_PARAMETERS
    for pattern, names in _query_parameters(scope["app"]):
        if pattern.match(scope["path"]):
            return names
    return frozenset()


def canonical_query(scope: Scope) -> bytes:
    """The query string with only the route's parameters, by name (each name's values keep
    their order: it is the order of columns and rows)."""
    known = route_parameters(scope)
    pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    kept = sorted(((k, v) for k, v in pairs if k in known), key=lambda pair: pair[0])
    return urlencode(kept).encode()


def negotiated(scope: Scope) -> bytes:
    """What of the Accept header the answer depends on: the RDF format of the graph exports;
    for a GET of /graphql, whether it may be the GraphiQL page (strawberry's own test)."""
    if scope["path"] == "/graphql":
        accept = header(scope, b"accept")
        return b"page" if b"text/html" in accept or b"*/*" in accept else b""
    if not scope["path"].startswith(NEGOTIATED):
        return b""
    try:
        return negotiate(header(scope, b"accept").decode("latin-1") or None).encode()
    except ExportError:
        return b"none"


def cache_key(scope: Scope, body: bytes) -> bytes:
    parts = [scope["method"].encode(), scope["path"].encode(), canonical_query(scope)]
    return b"\0".join([*parts, negotiated(scope), body])


def etag_matches(if_none_match: bytes, etag: str) -> bool:
    """RFC 9110's weak comparison: ``*``, or any tag of the list, with or without ``W/``."""
    value = if_none_match.decode("latin-1").strip()
    if value == "*":
        return True
    tags = (tag.strip() for tag in value.split(","))
    return any(tag.removeprefix("W/") == etag for tag in tags)
