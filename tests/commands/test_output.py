"""The command line's exit status: a command that reports a failure exits non-zero."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_a_failed_check_exits_1(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "commands", "check-quotes", "--sources", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert f"no source texts folder {tmp_path / 'none'}" in result.stderr
