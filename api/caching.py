"""Response caching keyed by the knowledge-base version (the KB changes only on load).

Every cacheable GET/POST answer carries ``ETag: "<kb version>-<request hash>"``; a client
sending it back in ``If-None-Match`` gets 304. Successful answers are kept in a small LRU
per process, keyed by method, URL, Accept header and body. The version is read from Neo4j
on each request (one tiny query), so a load, which writes a new version, invalidates every
entry at once.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.types import ASGIApp

from api.repository import Repository
from smekg.database import DatabaseUnavailableError

CACHEABLE_PREFIXES = ("/graphql", "/tables/", "/works", "/graph", "/nodes")


@dataclass(frozen=True)
class Cached:
    body: bytes
    media_type: str | None
    etag: str


class ResponseCache(BaseHTTPMiddleware):
    def __init__(self, app: ASGIApp, size: int) -> None:
        super().__init__(app)
        self._size = size
        self._entries: OrderedDict[str, Cached] = OrderedDict()

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method not in ("GET", "POST") or not request.url.path.startswith(
            CACHEABLE_PREFIXES
        ):
            return await call_next(request)
        repository: Repository = request.app.state.repository
        try:
            version = await run_in_threadpool(repository.kb_version)
        except DatabaseUnavailableError:
            return await call_next(request)  # the handler reports the outage itself
        if version is None:
            return await call_next(request)
        body = await request.body()
        digest = hashlib.sha256(
            b"\0".join(
                [
                    request.method.encode(),
                    str(request.url).encode(),
                    request.headers.get("accept", "").encode(),
                    body,
                ]
            )
        ).hexdigest()[:20]
        etag = f'"{version["version"]}-{digest}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        hit = self._entries.get(etag)
        if hit is not None:
            self._entries.move_to_end(etag)
            return Response(
                hit.body, media_type=hit.media_type, headers={"ETag": etag, "X-Cache": "hit"}
            )
        response = await call_next(request)
        if response.status_code != 200 or self._size == 0:
            return response
        content = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        media_type = response.headers.get("content-type")
        if not (request.url.path.startswith("/graphql") and b'"errors"' in content):
            self._entries[etag] = Cached(content, media_type, etag)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        headers.update({"ETag": etag, "X-Cache": "miss"})
        return Response(content, status_code=200, headers=headers, media_type=media_type)
