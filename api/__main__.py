"""``python -m api``: serve the API (SMEKG_HOST, SMEKG_PORT; SMEKG_WORKERS processes;
SMEKG_LOG_LEVEL, e.g. warning to drop the per-request access log)."""

import os

import uvicorn

from smekg.settings import get_settings

if __name__ == "__main__":
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        workers=get_settings().smekg_workers,
        host=os.environ.get("SMEKG_HOST", "127.0.0.1"),
        port=int(os.environ.get("SMEKG_PORT", "8000")),
        log_level=os.environ.get("SMEKG_LOG_LEVEL", "info"),
    )
