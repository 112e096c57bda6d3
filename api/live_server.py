"""The API under uvicorn on a free loopback port, in a daemon thread (tests and benchmarks)."""

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI

from api.app import create_app
from smekg.settings import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveServer:
    """The API under uvicorn on a free loopback port, in a daemon thread."""

    def __init__(self, settings: Settings) -> None:
        self.port = free_port()
        self.app: FastAPI = create_app(settings)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def queries_run(self) -> int:
        count: int = self.app.state.repository.queries_run
        return count

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the API server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
