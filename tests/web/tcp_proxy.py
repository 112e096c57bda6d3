"""A loopback TCP forwarder that can be switched on: the network between the API and
Neo4j, for tests of an outage and the recovery after it (no mock: real sockets, the real
Neo4j behind)."""

import contextlib
import socket
import threading
from collections.abc import Callable
from types import TracebackType

from api.live_server import free_port


class TcpForwarder:
    """Forwards 127.0.0.1:<port> to a target port once started; refuses before that."""

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self._target = target_port
        self._server: socket.socket | None = None
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        server = socket.create_server(("127.0.0.1", self.port))
        self._server = server
        self._spawn(self._accept, server)

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self._target))
            self._spawn(_pipe, client, upstream)
            self._spawn(_pipe, upstream, client)

    def __enter__(self) -> "TcpForwarder":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._server is not None:
            self._server.close()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    for sock in (source, sink):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
