"""What a browser is told about every answer (docs/decisions/0021).

- ``Content-Security-Policy``: everything from this origin only — the web app, GraphiQL and
  Swagger UI are bundled and served here (no CDN) — no plugins, no framing
  (``frame-ancestors 'none'``), forms and ``<base>`` only to this origin. GraphiQL's page
  alone may use inline *styles* (its menus insert a ``<style>`` element); no page may run
  an inline script.
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
  ``X-Frame-Options: DENY`` (for browsers without ``frame-ancestors``),
  ``Cross-Origin-Opener-Policy: same-origin``.
- ``HEAD`` is answered as ``GET`` without the body (same status, headers and length).
- Cross-origin requests (CORS) are off unless ``SMEKG_CORS_ORIGINS`` names origins.
"""

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
INLINE_STYLES = {"style-src": "'self' 'unsafe-inline'"}


def policy(overrides: dict[str, str] | None = None) -> bytes:
    return "; ".join(f"{k} {v}" for k, v in {**POLICY, **(overrides or {})}.items()).encode()


STRICT = policy()
GRAPHIQL = policy(INLINE_STYLES)
FIXED: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
SET_HERE = {b"content-security-policy", *(k for k, _ in FIXED)}


def _is_graphiql(scope: Scope) -> bool:
    return scope["path"] == "/graphql" and scope["method"] in ("GET", "HEAD")


class BrowserSafety:
    """Pure ASGI middleware: security headers on every answer; HEAD as a bodiless GET."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        csp = GRAPHIQL if _is_graphiql(scope) else STRICT
        if head:
            scope = {**scope, "method": "GET"}

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in SET_HERE]
                message = {**message, "headers": [*kept, *FIXED, (b"content-security-policy", csp)]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self._app(scope, receive, guarded)


def cors_options(origins: str) -> dict[str, Any] | None:
    """CORSMiddleware's options for the named origins (comma-separated); None: CORS off."""
    allowed = [o.strip() for o in origins.split(",") if o.strip()]
    if not allowed:
        return None
    return {
        "allow_origins": allowed,
        "allow_methods": ["GET", "HEAD", "POST"],
        "allow_headers": ["Content-Type", "If-None-Match", "X-Request-ID"],
        "expose_headers": ["ETag", "X-Request-ID", "Retry-After", "X-Cache"],
        "max_age": 600,
    }
