"""py-spy's frames are named by component: our api/graphql is ours, not graphql-core's."""

import pytest

from bench.profiles import component_of

OURS = "our API code (compiled requests, resolvers, mapping, repository)"
GRAPHQL = "GraphQL execution (strawberry, graphql-core)"
DRIVER = "Neo4j driver (network wait, decoding)"
LOOP = "event loop and thread-pool hand-off (anyio, asyncio; waits included)"
SERVE = "<module> (api/__main__.py:11);Runner.run (asyncio/runners.py:118)"


@pytest.mark.parametrize(
    ("innermost", "component"),
    [
        ("shape (api/graphql/plan/entities.py:40)", OURS),
        ("RequestIds.__call__ (api/http/request_ids.py:30)", OURS),
        ("execute (graphql/execution/execute.py:1000)", GRAPHQL),
        ("Schema.execute (strawberry/schema/schema.py:300)", GRAPHQL),
        ("AsyncBolt.fetch_message (neo4j/_async/io/_bolt.py:850)", DRIVER),
        (
            "Starlette.__call__ (starlette/applications.py:90)",
            "HTTP server and framework (uvicorn, starlette, fastapi)",
        ),
    ],
)
def test_the_innermost_known_frame_names_the_component(innermost: str, component: str) -> None:
    assert component_of(f"{SERVE};{innermost}") == component


def test_a_standard_library_frame_counts_for_its_caller() -> None:
    stack = f"{SERVE};RequestIds.__call__ (api/http/request_ids.py:30);uuid4 (uuid.py:723)"
    assert component_of(stack) == OURS


def test_the_event_loop_itself_is_the_event_loop() -> None:
    assert component_of(SERVE) == LOOP
