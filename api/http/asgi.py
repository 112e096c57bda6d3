"""Small pieces of raw ASGI the HTTP middlewares share."""

from starlette.types import Message, Receive, Scope, Send

Headers = list[tuple[bytes, bytes]]


def header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return b""


async def read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the already-read body over, then the client's own messages."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def respond(send: Send, status: int, headers: Headers, body: bytes) -> None:
    length = [(b"content-length", str(len(body)).encode())]
    fixed = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    await send({"type": "http.response.start", "status": status, "headers": fixed + length})
    await send({"type": "http.response.body", "body": body})
