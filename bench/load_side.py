"""The load side of the benchmarks: load end to end by scale against the peer (issue 13,
target 4), the import of one generated document and the validation of that change (issue 10;
issue 13, target 6), and the cold start of `make serve` (target 5).

`python -m bench.run --full` runs it with everything else; `python -m bench.run --full
--part load` runs only this side and replaces its results in the stored JSON (the API side's
results stay), so the load side can be measured again without the half hour of query runs.
Every result carries the machine's load average (2 cores shared with other work).
"""

import datetime as dt
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from neo4j import Driver

from bench import cold_start, import_bench, load_bench
from loaders.pipeline import load
from loaders.sources import Layout
from smekg.settings import Settings

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
LARGE_SCALE = 10  # above this, one run per scale (a run takes minutes)
# The keys of the results this side writes (replaced as a whole by `--part load`).
KEYS = (
    "load",
    "imports",
    "import_ratios",
    "imports_measured",
    "cold_start",
    "real_kb_load",
    "load_side",
    "load_errors",
)


CONDITIONS = (
    "scales", "runs", "peer_up_to", "admin_up_to", "import_scales", "import_findings",
    "cold_start", "load_memory_mib",
)  # fmt: skip


class LoadProfile(Protocol):
    @property
    def scales(self) -> list[int]: ...
    @property
    def runs(self) -> int: ...
    @property
    def peer_up_to(self) -> int: ...
    @property
    def admin_up_to(self) -> int: ...
    @property
    def import_scales(self) -> list[int]: ...
    @property
    def import_findings(self) -> int: ...
    @property
    def cold_start(self) -> bool: ...
    @property
    def load_memory_mib(self) -> int: ...


def run(
    profile: LoadProfile,
    settings: Settings,
    driver: Driver,
    checkpoint: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Every load-side measurement, the slowest last: the scales the peer also runs, the
    imports, the cold start, then our loader alone at the larger scales. `checkpoint` gets
    the results so far after each (a run stopped early keeps what it measured). The
    database ends as a normal load of the real knowledge base leaves it."""
    started = time.perf_counter()
    results: dict[str, Any] = {
        "load_side": {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "load_average_at_start": list(os.getloadavg()),
            "conditions": {name: getattr(profile, name) for name in CONDITIONS},
        },
        "load": [],
        "imports": [],
        "import_ratios": {},
        "load_errors": [],
    }
    save = checkpoint or (lambda _: None)
    database = settings.neo4j_database
    with_peer = [s for s in profile.scales if s <= profile.peer_up_to]
    try:
        for scale in with_peer:
            _scale(profile, driver, database, scale, results)
            save(results)
        _imports(profile, settings, driver, results)
        save(results)
        if profile.cold_start:
            try:
                results["cold_start"] = cold_start.measure().summary()
            except (RuntimeError, OSError) as exc:
                results["load_errors"].append(f"cold start: {exc}")
            save(results)
        for scale in (s for s in profile.scales if s not in with_peer):
            _scale(profile, driver, database, scale, results)
            save(results)
    finally:
        load_bench.clear_database(driver, database)
        start = time.perf_counter()
        report = load(Layout(ROOT / "ontology"), driver, database)
        results["real_kb_load"] = {
            "what": "loaders.pipeline.load of ontology/: parse + validate + map + write",
            "seconds": time.perf_counter() - start,
            "triples": report.triples,
            "nodes": report.nodes,
            "relationships": report.relationships,
        }
        results["load_side"]["load_average_at_end"] = list(os.getloadavg())
        results["load_side"]["seconds"] = time.perf_counter() - started
        save(results)
    return results


def _scale(
    profile: LoadProfile, driver: Driver, database: str, scale: int, results: dict[str, Any]
) -> None:
    try:
        scaled = load_bench.bench_scale(
            driver,
            database,
            scale,
            profile.runs if scale <= LARGE_SCALE else 1,
            peer=scale <= profile.peer_up_to,
            admin=scale <= profile.admin_up_to,
            memory_limit_mib=profile.load_memory_mib,
        )
        results["load"].append(scaled.summary())
    except Exception as exc:  # a failed scale (e.g. out of memory) is a result
        log.exception("scale %d failed", scale)
        results["load_errors"].append(f"scale {scale}: {type(exc).__name__}: {exc}")


def _imports(
    profile: LoadProfile, settings: Settings, driver: Driver, results: dict[str, Any]
) -> None:
    """The import of one generated document at each import scale."""
    imports = []
    for scale in profile.import_scales:
        try:
            imports.append(
                import_bench.bench_import(
                    driver,
                    settings.neo4j_database,
                    scale,
                    profile.import_findings,
                    settings.smekg_sources_dir,
                )
            )
        except Exception as exc:  # a failed import at scale is a result
            log.exception("import at scale %d failed", scale)
            results["load_errors"].append(f"import at scale {scale}: {type(exc).__name__}: {exc}")
    results["imports"] = [r.summary() for r in imports]
    results["import_ratios"] = import_bench.ratios(imports)


def replace_in(stored: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
    """The stored results with this side's keys replaced by a fresh run's."""
    kept = {k: v for k, v in stored.items() if k not in KEYS}
    return {**kept, **{k: fresh[k] for k in KEYS if k in fresh}}


def with_load_row(stored: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """The stored results with `row` (one scale's load, measured on its own) in their load
    table, in place of that scale's row; rows stay ordered by scale."""
    kept = [r for r in stored.get("load", []) if r["scale"] != row["scale"]]
    return {**stored, "load": sorted([*kept, row], key=lambda r: r["scale"])}
