"""Import benchmark (issue 10) and incremental validation (issue 13, target 6).

For each scale k (1 and 100 in the full run): the knowledge base folder `bench.generate`
writes, published by a full load (`loaders.pipeline.load`, timed: the full reload), then one
generated fictional document with N findings (`bench.import_doc`) imported through the real
path of `smekg import` (`ingest.importing.import_sheet` under the writer lock), timed whole
and by step. The steps are timed by wrapping the functions `import_sheet` calls (nothing in
the import changes):

- **resolve**: reading the sheet and bibliography, resolving every reference against the
  graph and matching works (`build_contribution`: the lookups);
- **plan**: what the change adds and removes, from the graph's description of the nodes it
  touches (`plan_change`: the describe queries);
- **validate**: the shapes and checks on `plan.checked_part()` (`check`): target 6;
- **publish**: files, history and the incremental write in the seqlock (`publish`).

Targets: import at 100x <= 2x the import at 1x; validation of the change at 100x <= 2x at 1x;
full reload at 100x >= 20x the import at 100x.

Alone (the load-side run of `bench.run --part load` runs it too), against the Neo4j of the
NEO4J_* settings, which it empties:

    python -m bench.import_bench --scales 1 100 --out /tmp/import.json
"""

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver

from bench import import_doc
from bench.generate import generate
from bench.load_bench import clear_database
from ingest import importing
from ingest.importing import ImportRequest, import_sheet
from ingest.provenance import Curator
from loaders.pipeline import load
from loaders.writer import writer_session
from smekg.database import open_driver
from smekg.settings import get_settings

log = logging.getLogger(__name__)

CURATOR = Curator("Benchmark Curator")
STEPS = {
    "resolve": "build_contribution",
    "plan": "plan_change",
    "validate": "check",
    "publish": "publish",
}


@dataclass
class ImportResult:
    scale: int
    findings: int
    triples: int
    full_load_s: float
    import_s: float
    steps: dict[str, float] = field(default_factory=dict)
    checked_part_triples: int = 0
    changed_statements: int = 0
    load_average: tuple[float, float, float] | None = None  # 1, 5, 15 min, after the import

    def summary(self) -> dict[str, Any]:
        return asdict(self)


@contextlib.contextmanager
def _timed_steps(steps: dict[str, float]) -> Iterator[None]:
    """Time the functions `import_sheet` calls, by wrapping them in its module."""
    originals = {name: getattr(importing, attribute) for name, attribute in STEPS.items()}

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                steps[name] = steps.get(name, 0.0) + time.perf_counter() - start

        return timed

    for name, attribute in STEPS.items():
        setattr(importing, attribute, wrap(name, originals[name]))
    try:
        yield
    finally:
        for name, attribute in STEPS.items():
            setattr(importing, attribute, originals[name])


def bench_import(
    driver: Driver, database: str, scale: int, findings: int, sources_dir: Path
) -> ImportResult:
    """Publish scale k by a full load, then import one generated document into it."""
    with tempfile.TemporaryDirectory(prefix=f"smekg-import-{scale}x-") as tmp:
        layout = generate(Path(tmp) / "ontology", scale).layout
        document = import_doc.generate(Path(tmp) / "document", findings)
        clear_database(driver, database)
        start = time.perf_counter()
        report = load(layout, driver, database, force=True)
        full_load_s = time.perf_counter() - start
        log.info("import bench %dx: full load %.2fs", scale, full_load_s)
        steps: dict[str, float] = {}
        request = ImportRequest(
            document.sheet, text=document.text, bibliography=document.bibliography
        )
        with _timed_steps(steps):
            start = time.perf_counter()
            with writer_session(driver, database) as writer:
                outcome = import_sheet(writer, layout, request, CURATOR, sources_dir)
            import_s = time.perf_counter() - start
        plan = outcome.plan
        log.info("import bench %dx: import %.2fs %s", scale, import_s, steps)
    clear_database(driver, database)
    return ImportResult(
        scale=scale,
        findings=findings,
        triples=report.triples,
        full_load_s=full_load_s,
        import_s=import_s,
        steps=steps,
        checked_part_triples=len(plan.checked_part()) if plan else 0,
        changed_statements=len(plan.changes) if plan else 0,
        load_average=os.getloadavg(),
    )


def ratios(results: list[ImportResult]) -> dict[str, float | None]:
    """The targets' ratios between the smallest and the largest scale."""
    if len(results) < 2:
        return {}
    small, large = results[0], results[-1]
    return {
        "import_large_over_small": large.import_s / small.import_s,
        "validate_large_over_small": large.steps["validate"] / small.steps["validate"],
        "full_load_over_import_large": large.full_load_s / large.import_s,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--findings", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--into",
        type=Path,
        help="also replace the imports of these benchmark results (bench/results/latest.json); "
        "then `python -m bench.run --render-only` rewrites BENCHMARKS.md",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    settings = get_settings()
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    load_average = list(os.getloadavg())
    with open_driver(settings) as driver:
        results = [
            bench_import(
                driver, settings.neo4j_database, scale, args.findings, settings.smekg_sources_dir
            )
            for scale in args.scales
        ]
    summary = {
        "imports": [r.summary() for r in results],
        "import_ratios": ratios(results),
        "imports_measured": {
            "at": started,
            "by": "python -m bench.import_bench "
            + " ".join(sys.argv[1:] if argv is None else argv),
            "load_average_at_start": load_average,
        },
    }
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    log.info("ratios: %s (written to %s)", summary["import_ratios"], args.out)
    if args.into is not None:
        stored = json.loads(args.into.read_text(encoding="utf-8"))
        merged = with_imports(stored, summary)
        args.into.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
    return 0


def with_imports(stored: dict[str, Any], summary: dict[str, Any]) -> dict[str, Any]:
    """Benchmark results with their imports replaced by ``summary``'s, and the errors of their
    earlier imports dropped."""
    errors = [e for e in stored.get("load_errors", []) if not e.startswith("import at scale")]
    return {**stored, **summary, "load_errors": errors}


if __name__ == "__main__":
    raise SystemExit(main())
