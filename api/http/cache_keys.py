"""What a cached answer is keyed by: only what the answer depends on, so that junk added to a
request (unknown query parameters, their order, an exotic Accept header) cannot make a new
entry of the same answer (docs/decisions/0019); and how ``If-None-Match`` is compared."""

from urllib.parse import parse_qsl, urlencode

from starlette.routing import Match
from starlette.types import Scope

from api.http.asgi import header
from api.rest.graph import negotiate
from api.rest.routing import ExportError

GRAPHQL_PARAMETERS = frozenset({"query", "variables", "operationName"})
NEGOTIATED = ("/graph", "/nodes")  # answers that depend on the Accept header


def route_parameters(scope: Scope) -> frozenset[str]:
    """The query parameters the route answering `scope` reads (none for an unknown path)."""
    if scope["path"] == "/graphql":
        return GRAPHQL_PARAMETERS
    for route in scope["app"].routes:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            dependant = getattr(route, "dependant", None)
            fields = getattr(dependant, "query_params", [])
            return frozenset(field.alias for field in fields)
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
