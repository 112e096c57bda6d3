"""The drills: what an operator and an attacker would do to a running system — real Neo4j,
real processes (the API as ``python -m api``, the ``smekg`` command line), loopback only,
bounded in count and time. Each reports its figures (answers checked, time to 503, time to
recover, cases fuzzed, bytes refused) at the end of the run and in .cache/drills/."""

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from loaders.pipeline import load
from loaders.sources import Layout
from smekg.settings import Settings
from tests.conftest import ONTOLOGY, ROOT

FIGURES: dict[str, dict[str, Any]] = {}
FIGURES_DIR = ROOT / ".cache" / "drills"
NOVAK = ROOT / "tests" / "ingest" / "fixtures" / "novak2019"
CURATOR = {"SMEKG_CURATOR": "Drill Curator"}  # the environment of a drill's smekg writes


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


@dataclass(frozen=True)
class Writes:
    """What a drill writes with `smekg`: a loaded copy of the ontology folder loaded again, and a
    test contribution (tests/ingest/fixtures/novak2019) imported into it and withdrawn."""

    load_args: tuple[str, ...]
    import_args: tuple[str, ...]
    withdraw_args: tuple[str, ...]


@pytest.fixture
def writes(clean_db: Driver, settings: Settings, tmp_path: Path) -> Writes:
    """The copies made and the copy of the ontology folder loaded (the real one stays as it is)."""
    root = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, root, ignore=shutil.ignore_patterns("examples"))
    load(Layout(root), clean_db, settings.neo4j_database)
    novak = tmp_path / "novak2019"
    shutil.copytree(NOVAK, novak)
    on = ("--ontology", str(root))
    return Writes(
        load_args=("load", "--force", *on),
        import_args=(
            "import",
            str(novak / "novak2019.csv"),
            "--text",
            str(novak / "novak2019.txt"),
            "--bib",
            str(novak / "novak2019.bib"),
            *on,
        ),
        withdraw_args=("withdraw", "kb:doc-fixture-novak2019", *on),
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not FIGURES:
        return
    terminalreporter.section("drill figures")
    for name, values in FIGURES.items():
        shown = ", ".join(f"{k}={v}" for k, v in values.items())
        terminalreporter.write_line(f"{name}: {shown}")
