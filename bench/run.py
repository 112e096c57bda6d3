"""Run the benchmarks and write bench/results/latest.json and BENCHMARKS.md.

    python -m bench.run --smoke    # seconds; CI runs it so the harness never rots
    python -m bench.run --full     # scales 1 and 10 (add --scales 1,10,100), more samples

Needs NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (the app's settings). The benchmark
empties that database; at the end it reloads the real knowledge base with
``loaders.pipeline.load``, so the database ends as a normal load leaves it. Nothing here
asserts anything about time.
"""

import argparse
import datetime as dt
import json
import logging
import os
import platform
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import neo4j
from neo4j import Driver, GraphDatabase

from bench import load_bench, query_bench
from loaders.pipeline import load
from loaders.sources import Layout
from smekg.settings import Settings, get_settings

log = logging.getLogger("bench")

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
MARKDOWN = ROOT / "BENCHMARKS.md"

NOT_YET_MEASURED = [
    "@neo4j/graphql (Node.js) as a GraphQL peer serving the same property graph",
    "scale 1000x: heap and db.tx_state.memory_allocation sizing for the one-transaction "
    "load (decision 0003)",
    "SHACL validation above 10x (pyshacl is single-threaded; see the validate column)",
    "query latency on scaled data (queries run on the real knowledge base only)",
    "a like-for-like peer graph: rdflib-neo4j (defaults) overwrites multi-valued properties "
    "and stores literals as plain values without language tags or non-native datatypes, so "
    "it writes less than our reversible mapping and its graph is not the one our API reads",
    "concurrency beyond 4 client threads, remote (non-loopback) clients, TLS",
]


LARGE_SCALE = 10  # above this, one run per scale (a run takes minutes)


@dataclass(frozen=True)
class Profile:
    name: str
    scales: list[int]
    runs: int
    validate_up_to: int  # validate scales up to this (pyshacl time grows linearly)
    peer_up_to: int
    admin_up_to: int  # neo4j-admin offline import up to this scale
    warmup: int
    iterations: int
    throughput_requests: int
    throughput_threads: int


SMOKE = Profile("smoke", [1], 1, 0, 1, 0, 2, 10, 100, 4)
FULL = Profile("full", [1, 10], 3, 10, 10, 100, 10, 200, 500, 4)


def _meminfo_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                kib = int(line.split()[1])
                return f"{kib / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def environment(driver: Driver, settings: Settings) -> dict[str, Any]:
    with driver.session(database="system", default_access_mode="READ") as session:
        component = session.run(
            "CALL dbms.components() YIELD name, versions, edition "
            "RETURN name, versions[0] AS version, edition"
        ).single(strict=True)
        server_settings = {
            r["name"]: r["value"]
            for r in session.run(
                "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
                names=[
                    "server.memory.heap.max_size",
                    "server.memory.pagecache.size",
                    "db.tx_state.memory_allocation",
                ],
            )
        }
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "os": platform.platform(),
            "cpu": _cpu_model(),
            "cpus": os.cpu_count(),
            "memory": _meminfo_total(),
        },
        "python": platform.python_version(),
        "neo4j_server": f"{component['name']} {component['version']} {component['edition']}",
        "neo4j_server_settings": server_settings,
        "neo4j_driver": neo4j.__version__,
        "rdflib": _version("rdflib"),
        "pyshacl": _version("pyshacl"),
        "rdflib_neo4j": _version("rdflib-neo4j"),
        "strawberry_graphql": _version("strawberry-graphql"),
        "uvicorn": _version("uvicorn"),
        "neo4j_uri_is_loopback": "127.0.0.1" in settings.neo4j_uri
        or "localhost" in settings.neo4j_uri,
    }


def not_yet_measured(results: dict[str, Any]) -> list[str]:
    """What the issue asks for that this run did not measure."""
    load_results = results["load"]
    missing = [
        f"our write at scale {k}x (not run, or failed: see above)"
        for k in (100,)
        if not any(r["scale"] == k and r["ours_median_s"] for r in load_results)
    ]
    peerless = sorted(r["scale"] for r in load_results if r["peer_median_s"] is None)
    if peerless:
        missing.append(f"the peer (rdflib-neo4j) at scale(s) {peerless}")
    if not any(r.get("admin_wall_s") for r in load_results):
        missing.append("neo4j-admin database import full (offline upper bound; --full only)")
    return missing + NOT_YET_MEASURED


def run(profile: Profile, settings: Settings, driver: Driver) -> dict[str, Any]:
    database = settings.neo4j_database
    results: dict[str, Any] = {
        "profile": profile.name,
        "environment": environment(driver, settings),
        "conditions": {
            "runs_per_scale": profile.runs,
            "scales": profile.scales,
            "validate_up_to_scale": profile.validate_up_to,
            "peer_up_to_scale": profile.peer_up_to,
            "admin_import_up_to_scale": profile.admin_up_to,
            "latency_warmup": profile.warmup,
            "latency_iterations": profile.iterations,
            "throughput_requests": profile.throughput_requests,
            "throughput_threads": profile.throughput_threads,
            "client": "httpx over loopback, same process as the API (uvicorn thread)",
        },
        "load": [],
        "errors": [],
    }
    started = time.perf_counter()
    try:
        for scale in profile.scales:
            try:
                scaled = load_bench.bench_scale(
                    driver,
                    database,
                    scale,
                    profile.runs if scale <= LARGE_SCALE else 1,
                    validate=scale <= profile.validate_up_to,
                    peer=scale <= profile.peer_up_to,
                    admin=scale <= profile.admin_up_to,
                )
                results["load"].append(scaled.summary())
            except Exception as exc:  # a failed scale (e.g. out of memory) is a result
                log.exception("scale %d failed", scale)
                results["errors"].append(f"scale {scale}: {type(exc).__name__}: {exc}")
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
    results["latency"] = query_bench.latency(driver, settings, profile.warmup, profile.iterations)
    results["throughput"] = [
        query_bench.throughput(
            settings, size, profile.throughput_requests, profile.throughput_threads
        )
        for size in (settings.smekg_cache_size or 512, 0)
    ]
    results["not_yet_measured"] = not_yet_measured(results)
    results["total_seconds"] = time.perf_counter() - started
    return results


def _f(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def markdown(results: dict[str, Any]) -> str:
    env = results["environment"]
    cond = results["conditions"]
    machine = env["machine"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `python -m bench.run` from `bench/results/latest.json`; do not edit by hand.",
        "",
        f"- **Run**: `{results['profile']}` on {env['date']} ({results['total_seconds']:.0f} s)",
        f"- **Machine**: {machine['os']}; {machine['cpu']}; {machine['cpus']} CPUs; "
        f"{machine['memory']} RAM",
        f"- **Versions**: Python {env['python']}, {env['neo4j_server']}, neo4j driver "
        f"{env['neo4j_driver']}, rdflib {env['rdflib']}, pyshacl {env['pyshacl']}, "
        f"rdflib-neo4j {env['rdflib_neo4j'] or 'not installed'}, strawberry-graphql "
        f"{env['strawberry_graphql']}, uvicorn {env['uvicorn']}",
        "- **Neo4j settings**: "
        + ", ".join(f"`{k}={v}`" for k, v in sorted(env["neo4j_server_settings"].items())),
        f"- **Conditions**: Neo4j on loopback ({env['neo4j_uri_is_loopback']}), client and API "
        f"in one process; load times are medians of {cond['runs_per_scale']} run(s) per scale "
        f"(one above {LARGE_SCALE}x) on an emptied database; latency "
        f"from {cond['latency_iterations']} requests after {cond['latency_warmup']} warm-up.",
        "",
        "## Load (write step)",
        "",
        "Scale k = k renamed copies of the real knowledge base plus the ontology once "
        "(`bench/generate.py`). *ours* = `loaders.store.replace_knowledge_base` (one "
        "transaction); *peer* = rdflib-neo4j `Neo4jStore` fed the same parsed triples. "
        "Parsing, validation and mapping are not in either write time. Ratio > 1: ours is "
        "faster. — = not measured in this profile (see the conditions).",
        "",
        "| scale | triples | nodes | rels | parse s | validate s | map s | ours s | ours "
        "triples/s | peer s | peer triples/s | ratio ours/peer |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results["load"]:
        lines.append(
            f"| {r['scale']} | {r['triples']:,} | {r['nodes']:,} | {r['relationships']:,} | "
            f"{_f(r['parse_s'])} | {_f(r['validate_s'])} | {_f(r['map_s'])} | "
            f"{_f(r['ours_median_s'])} | {_f(r['ours_triples_per_s'], 0)} | "
            f"{_f(r['peer_median_s'])} | {_f(r['peer_triples_per_s'], 0)} | "
            f"{_f(r['ratio_ours_over_peer_throughput'])} |"
        )
    for r in results["load"]:
        if r["ours_error"]:
            lines.append(f"\nOur write at scale {r['scale']} failed: {r['ours_error']}")
        if r["peer_error"]:
            lines.append(f"\nPeer at scale {r['scale']}: {r['peer_error']}")
    admin = [r for r in results["load"] if r.get("admin_wall_s") or r.get("admin_error")]
    if admin:
        lines += [
            "",
            "### Offline upper bound: neo4j-admin database import full",
            "",
            "The same mapped graph as CSV, imported into a separate stopped database. Wall time "
            "includes the JVM start; CSV export is not included; no constraints or indexes. "
            "Ratio < 1: the offline import is faster than our online write.",
            "",
            "| scale | CSV export s | import wall s | tool-reported s | triples/s (wall) | "
            "ratio ours/admin | imported nodes / rels |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in admin:
            imported = r.get("admin_imported") or (None, None)
            if r.get("admin_error"):
                lines.append(f"| {r['scale']} | failed: {r['admin_error']} | | | | | |")
                continue
            lines.append(
                f"| {r['scale']} | {_f(r['admin_export_s'])} | {_f(r['admin_wall_s'])} | "
                f"{_f(r['admin_tool_s'])} | {_f(r['admin_triples_per_s'], 0)} | "
                f"{_f(r['ratio_ours_over_admin_throughput'])} | "
                f"{' / '.join(f'{n:,}' if n is not None else '?' for n in imported)} |"
            )
    kb = results["real_kb_load"]
    lines += [
        "",
        f"End to end, `loaders.pipeline.load` of the real knowledge base ({kb['triples']:,} "
        f"triples) took {kb['seconds']:.2f} s (parse + validate + map + write).",
        "",
        "## Query latency (cache off)",
        "",
        "API = GraphQL POST over HTTP with `smekg_cache_size=0`; floor = the request's main "
        "named Cypher query through the driver with the repository's parameters. "
        "*queries/req* counts the Cypher queries the API ran per request.",
        "",
        "| request | floor query | API p50 ms | API p95 ms | API p99 ms | floor p50 ms | "
        "floor p95 ms | floor p99 ms | queries/req | ratio API/floor p50 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for q in results["latency"]:
        a, f = q["api"], q["floor"]
        lines.append(
            f"| {q['case']} | `{q['floor_query']}` | {_f(a['p50_ms'])} | {_f(a['p95_ms'])} | "
            f"{_f(a['p99_ms'])} | {_f(f['p50_ms'])} | {_f(f['p95_ms'])} | {_f(f['p99_ms'])} | "
            f"{q['queries_per_request']:.1f} | {_f(q['ratio_api_over_floor_p50'])} |"
        )
    lines += [
        "",
        "## Throughput (bounded, loopback)",
        "",
        "| request | cache | requests | threads | seconds | requests/s | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t in results["throughput"]:
        lines.append(
            f"| {t['case']} | {'on' if t['cache'] else 'off'} | {t['requests']} | "
            f"{t['threads']} | {_f(t['seconds'])} | {_f(t['requests_per_s'], 0)} | "
            f"{t['errors']} |"
        )
    on = next((t for t in results["throughput"] if t["cache"]), None)
    off = next((t for t in results["throughput"] if not t["cache"]), None)
    if on and off:
        ratio = on["requests_per_s"] / off["requests_per_s"]
        lines.append(f"\nCache on / off throughput ratio: {ratio:.2f}.")
    if results["errors"]:
        lines += ["", "## Errors", ""] + [f"- {e}" for e in results["errors"]]
    lines += ["", "## Not yet measured", ""] + [f"- {item}" for item in not_yet_measured(results)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the load and query benchmarks.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--smoke", action="store_true", help="scale 1, few samples (seconds)")
    mode.add_argument("--full", action="store_true", help="scales 1 and 10, more samples")
    parser.add_argument("--scales", help="comma-separated scales, e.g. 1,10,100")
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--markdown", type=Path, default=MARKDOWN)
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite the markdown from --json; no run"
    )
    args = parser.parse_args(argv)
    if args.render_only:
        stored = json.loads(args.json.read_text(encoding="utf-8"))
        stored["not_yet_measured"] = not_yet_measured(stored)
        args.json.write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")
        args.markdown.write_text(markdown(stored), encoding="utf-8")
        sys.stdout.write(f"rewrote {args.markdown} from {args.json}\n")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    profile = SMOKE if args.smoke else FULL
    if args.scales:
        scales = [int(s) for s in args.scales.split(",")]
        profile = Profile(**{**profile.__dict__, "scales": scales})
    if not load_bench.peer_available():
        sys.stderr.write(load_bench.PEER_MISSING + "\n")
    settings = get_settings()
    driver = GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        notifications_min_severity="OFF",
    )
    try:
        driver.verify_connectivity()
        results = run(profile, settings, driver)
    finally:
        driver.close()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    args.markdown.write_text(markdown(results), encoding="utf-8")
    sys.stdout.write(f"wrote {args.json} and {args.markdown}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
