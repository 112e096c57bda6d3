"""A bare ASGI application that answers each benchmark request with the API's recorded answer:
what the HTTP round trip costs on the API's own server stack (uvicorn with its defaults, as
``python -m api`` runs it), whatever an application does (`bench.request_costs`).

``python -m bench.bare_asgi`` serves it on SMEKG_HOST:SMEKG_PORT; SMEKG_BENCH_ANSWERS names a
JSON file mapping each GraphQL query text to the answer body to send. ``GET /readyz`` is 200.
"""

import os
from pathlib import Path

import orjson
import uvicorn
from starlette.types import Receive, Scope, Send

from api.http.asgi import read_body, respond

JSON = [(b"content-type", b"application/json")]


def _answers() -> dict[str, bytes]:
    path = os.environ.get("SMEKG_BENCH_ANSWERS")
    if not path:
        return {}
    stored: dict[str, str] = orjson.loads(Path(path).read_bytes())
    return {query: answer.encode() for query, answer in stored.items()}


ANSWERS = _answers()


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    body = await read_body(receive)
    if scope["method"] == "GET" and scope["path"] == "/readyz":
        await respond(send, 200, JSON, b"{}")
        return
    answer = ANSWERS.get(orjson.loads(body).get("query", "")) if body else None
    if answer is None:
        await respond(send, 404, JSON, b'{"error": "no recorded answer for this request"}')
        return
    await respond(send, 200, JSON, answer)


if __name__ == "__main__":
    uvicorn.run(
        "bench.bare_asgi:app",
        host=os.environ.get("SMEKG_HOST", "127.0.0.1"),
        port=int(os.environ.get("SMEKG_PORT", "8000")),
        log_level=os.environ.get("SMEKG_LOG_LEVEL", "info"),
    )
