"""Cache keys hold what an answer depends on, and nothing a client can vary for free; ETags
compare weakly, in lists (pure: the app's own route table, no database)."""

import pytest

from api.app import create_app
from api.http.cache_keys import cache_key, etag_matches

APP = create_app()


def _key(path: str, query: bytes, accept: bytes = b"", method: str = "GET") -> bytes:
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query,
        "app": APP,
        "headers": [(b"accept", accept)] if accept else [],
    }
    return cache_key(scope, b"")


def test_unknown_parameters_and_their_order_are_not_in_the_key() -> None:
    assert _key("/graph", b"junk=1&x=2") == _key("/graph", b"")
    assert _key("/nodes", b"iri=a&junk=1") == _key("/nodes", b"junk=2&iri=a")
    assert _key("/nodes", b"iri=a") != _key("/nodes", b"iri=b")


def test_repeated_parameters_keep_their_order() -> None:
    path = "/tables/comparison.csv"
    one = _key(path, b"perspective=a&perspective=b&theme=t")
    assert one == _key(path, b"theme=t&perspective=a&junk=1&perspective=b")
    assert one != _key(path, b"perspective=b&perspective=a&theme=t")


def test_accept_counts_only_where_it_selects_the_format() -> None:
    assert _key("/graph", b"", b"text/turtle, junk/1") == _key("/graph", b"", b"text/turtle")
    assert _key("/graph", b"", b"application/ld+json") != _key("/graph", b"")
    assert _key("/works.bib", b"", b"junk/1") == _key("/works.bib", b"")
    assert _key("/graphql", b"", b"text/html") != _key("/graphql", b"")


@pytest.mark.parametrize(
    ("sent", "matches"),
    [
        ('"v-1"', True),
        ('W/"v-1"', True),
        ('"x", "v-1"', True),
        ('W/"x",W/"v-1"', True),
        ("*", True),
        ('"x"', False),
        ("", False),
        ('"v-1', False),
    ],
)
def test_if_none_match(sent: str, matches: bool) -> None:
    assert etag_matches(sent.encode(), '"v-1"') is matches
