"""``python -m api``: serve the API (SMEKG_HOST, SMEKG_PORT; SMEKG_LOG_LEVEL, e.g. warning
to drop the per-request access log)."""

import os

import uvicorn

from api.app import create_app

if __name__ == "__main__":
    uvicorn.run(
        create_app(),
        host=os.environ.get("SMEKG_HOST", "127.0.0.1"),
        port=int(os.environ.get("SMEKG_PORT", "8000")),
        log_level=os.environ.get("SMEKG_LOG_LEVEL", "info"),
    )
