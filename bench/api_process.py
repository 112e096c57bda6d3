"""The API as its own process (``python -m api``), so benchmark clients do not share its
interpreter: the same footing as the Node peer, which also runs in its own process."""

import os
import subprocess
import sys
import tempfile
import time
from types import TracebackType

import httpx

from api.live_server import free_port
from bench import processes
from smekg.settings import Settings

READY_TIMEOUT = 60.0


class ApiProcess:
    """``python -m api`` on a free loopback port for a `with` block; access log off.
    `module`: another server module run the same way (``bench.bare_asgi``)."""

    def __init__(
        self, settings: Settings, module: str = "api", env: dict[str, str] | None = None
    ) -> None:
        self.port = free_port()
        self.module = module
        self.env = {
            **os.environ,
            "NEO4J_URI": settings.neo4j_uri,
            "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
            "NEO4J_DATABASE": settings.neo4j_database,
            "SMEKG_CACHE_SIZE": str(settings.smekg_cache_size),
            "SMEKG_VERSION_TTL": str(settings.smekg_version_ttl),
            "SMEKG_COMPILED_QUERIES": str(settings.smekg_compiled_queries).lower(),
            "SMEKG_WORKERS": str(settings.smekg_workers),
            "SMEKG_HOST": "127.0.0.1",
            "SMEKG_PORT": str(self.port),
            "SMEKG_LOG_LEVEL": "warning",
            **(env or {}),
        }
        self.process: subprocess.Popen[bytes] | None = None
        # Its log goes to a file, not a pipe: a pipe nobody reads fills (64 KiB) and then
        # blocks the API mid-request.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by __exit__)

    @property
    def pid(self) -> int:
        if self.process is None:
            raise RuntimeError("the API process is not running")
        return self.process.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ApiProcess":
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", self.module],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                stderr = self.log.read().decode(errors="replace")
                raise RuntimeError(f"the API process exited: {stderr.strip()[-500:]}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"the API process was not ready within {READY_TIMEOUT:.0f} s")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.process is not None:
            processes.stop(self.process, grace_s=15)
        self.log.close()
