"""The drills: what an operator and an attacker would do to a running system — real Neo4j,
real processes (the API as ``python -m api``, the ``smekg`` command line), loopback only,
bounded in count and time. Each reports its figures (answers checked, time to 503, time to
recover, cases fuzzed, bytes refused) at the end of the run and in .cache/drills/."""

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import ROOT

FIGURES: dict[str, dict[str, Any]] = {}
FIGURES_DIR = ROOT / ".cache" / "drills"


class Figures:
    """The figures one drill reports."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[str, Any] = {}

    def __setitem__(self, key: str, value: Any) -> None:
        self.values[key] = value
        FIGURES[self.name] = self.values


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Iterator[Figures]:
    found = Figures(request.node.name)
    yield found
    if found.values:
        FIGURES_DIR.mkdir(parents=True, exist_ok=True)
        path = FIGURES_DIR / f"{request.node.name}.json"
        path.write_text(json.dumps(found.values, indent=2) + "\n", encoding="utf-8")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not FIGURES:
        return
    terminalreporter.section("drill figures")
    for name, values in FIGURES.items():
        shown = ", ".join(f"{k}={v}" for k, v in values.items())
        terminalreporter.write_line(f"{name}: {shown}")
