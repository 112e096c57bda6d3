"""Child processes the benchmarks start (the API, the GraphQL peer)."""

import subprocess
from typing import Any


def stop(process: "subprocess.Popen[Any]", grace_s: float) -> None:
    """Terminate `process`, killing it if it has not exited within `grace_s` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace_s)
