"""Where an API request's time goes, by measurement: the profile behind targets 1 and 2.

py-spy (`bench.profiles`) says which code the API process runs; this says how many of a
request's milliseconds are ours to cut. Per competency request, interleaved, cache off:

- **API**: the GraphQL POST over HTTP to ``python -m api`` (as in the latency table);
- **bare HTTP**: the same POST to a bare ASGI application on the same server stack (uvicorn
  with its defaults, its own process: `bench.bare_asgi`) that sends the API's recorded answer
  bytes: the HTTP round trip with the harness's client, whatever an application does;
- **app**: the API's ASGI application (`api.app.create_app`, the same settings) called in this
  process, no socket: everything the API does once the request has arrived;
- **driver**: the statement the app runs (recorded, without the state read after it), through
  the async driver on the same event loop: the database round trip and the driver's work.

ours = app - driver, call by call: our Python (HTTP plumbing, planning, shaping, serializing,
and the knowledge-base state read with the data). API - ours is what the API would take if
that were free: the bound that HTTP and the database set.
"""

import json
import logging
import tempfile
from pathlib import Path
from typing import Any

import httpx
import orjson
import uvloop
from neo4j import READ_ACCESS, AsyncDriver, AsyncGraphDatabase
from starlette.types import Message

from api.app import create_app
from bench import query_bench
from bench.api_process import ApiProcess
from bench.query_bench import Read, percentiles
from smekg.settings import Settings

log = logging.getLogger(__name__)


class InProcess:
    """The API's ASGI application and an async driver on one event loop in this process."""

    def __init__(self, settings: Settings) -> None:
        self.app = create_app(settings)
        self.settings = settings
        self.loop = uvloop.new_event_loop()
        self.lifespan = self.app.router.lifespan_context(self.app)
        self.driver: AsyncDriver | None = None

    def __enter__(self) -> "InProcess":
        self.loop.run_until_complete(self.lifespan.__aenter__())
        password = self.settings.neo4j_password.get_secret_value()
        self.driver = AsyncGraphDatabase.driver(
            self.settings.neo4j_uri,
            auth=(self.settings.neo4j_user, password),
            notifications_min_severity="OFF",
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.driver is not None:
            self.loop.run_until_complete(self.driver.close())
        self.loop.run_until_complete(self.lifespan.__aexit__(None, None, None))
        self.loop.close()

    def post(self, body: bytes) -> bytes:
        """The app's answer to a POST /graphql of `body` (raises on a status other than 200)."""
        return self.loop.run_until_complete(self._post(body))

    async def _post(self, body: bytes) -> bytes:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "root_path": "",
            "query_string": b"",
            "headers": [
                (b"host", b"127.0.0.1"),
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 80),
            "app": self.app,
            "state": {},
        }
        sent = False
        status = 0
        chunks: list[bytes] = []

        async def receive() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return {"type": "http.disconnect"}  # asked for after the body: the client is done

        async def send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        if status != 200:
            raise RuntimeError(f"the in-process app answered {status}: {b''.join(chunks)[:300]!r}")
        return b"".join(chunks)

    def run(self, reads: list[Read]) -> list[list[dict[str, Any]]]:
        return self.loop.run_until_complete(self._run(reads))

    async def _run(self, reads: list[Read]) -> list[list[dict[str, Any]]]:
        if self.driver is None:
            raise RuntimeError("InProcess is not entered")
        rows = []
        for _, cypher, params in reads:
            async with self.driver.session(
                database=self.settings.neo4j_database, default_access_mode=READ_ACCESS
            ) as session:
                result = await session.run(cypher, params)
                rows.append([dict(record) async for record in result])
        return rows


def measure(settings: Settings, warmup: int, iterations: int) -> list[dict[str, Any]]:
    """Per case: API, bare HTTP, app and driver p50s, and ours = app - driver."""
    uncached = settings.model_copy(update={"smekg_cache_size": 0})
    recorded = query_bench.recorded_reads(uncached)
    results = []
    with tempfile.TemporaryDirectory(prefix="smekg-costs-") as tmp:
        answers_file = Path(tmp) / "answers.json"
        with (
            ApiProcess(uncached) as api,
            httpx.Client(base_url=api.url, timeout=60) as client,
            InProcess(uncached) as local,
        ):
            answers = {c.graphql: _answer(client, c.graphql) for c in query_bench.CASES}
            answers_file.write_text(json.dumps(answers), encoding="utf-8")
            env = {"SMEKG_BENCH_ANSWERS": str(answers_file)}
            with (
                ApiProcess(uncached, module="bench.bare_asgi", env=env) as bare,
                httpx.Client(base_url=bare.url, timeout=60) as bare_client,
            ):
                for case in query_bench.CASES:
                    body = orjson.dumps({"query": case.graphql})
                    if orjson.loads(local.post(body)) != orjson.loads(answers[case.graphql]):
                        raise RuntimeError(f"{case.name}: the in-process answer differs")
                    reads = recorded[case.name]
                    samples = query_bench.interleaved(
                        [
                            lambda: query_bench.post(client, "/graphql", case.graphql),  # noqa: B023
                            lambda: query_bench.post(bare_client, "/", case.graphql),  # noqa: B023
                            lambda: local.post(body),  # noqa: B023
                            lambda: local.run(reads),  # noqa: B023
                        ],
                        warmup,
                        iterations,
                    )
                    results.append(_summary(case.name, samples))
    return results


def _answer(client: httpx.Client, query: str) -> str:
    """The API's answer as sent (the bare server sends these bytes)."""
    response = client.post("/graphql", json={"query": query})
    if response.status_code != 200 or "errors" in response.json():
        raise RuntimeError(f"GraphQL request failed ({response.status_code}): {response.text}")
    return response.text


def _summary(case: str, samples: list[list[float]]) -> dict[str, Any]:
    api, bare, app, driver = samples
    ours = [a - d for a, d in zip(app, driver, strict=True)]
    result: dict[str, Any] = {
        "case": case,
        "api": percentiles(api),
        "bare_http": percentiles(bare),
        "app": percentiles(app),
        "driver": percentiles(driver),
        "ours": percentiles(ours),
    }
    log.info(
        "%s: API %.2f ms = bare HTTP %.2f + app %.2f (driver %.2f, ours %.2f)",
        case,
        *(result[k]["p50_ms"] for k in ("api", "bare_http", "app", "driver", "ours")),
    )
    return result
