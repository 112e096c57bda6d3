"""scripts/web.sh as `make serve` and `make web` use it when Node is not installed: serve
says so in one line and goes on, a build that needs Node fails with the reason."""

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "web.sh"


def _path_without_node(tmp_path: Path) -> str:
    """A PATH with the shell tools the script uses and no node or npm."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("bash", "dirname"):
        found = shutil.which(name)
        assert found, name
        (tools / name).symlink_to(found)
    return str(tools)


def test_serve_without_node_says_so_in_one_line_and_goes_on(tmp_path: Path) -> None:
    done = subprocess.run(
        [SCRIPT, "ensure"],
        env={"PATH": _path_without_node(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert "Node.js >= 20.19 needed for the web app (no Node.js found)" in line
    assert "serving the API without it" in line


def test_a_build_without_node_fails_with_the_reason(tmp_path: Path) -> None:
    done = subprocess.run(
        [SCRIPT, "ensure", "--require"],
        env={"PATH": _path_without_node(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "Node.js >= 20.19 with npm is required to build the web app" in done.stderr
