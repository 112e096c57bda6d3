"""Run the benchmarks and write bench/results/latest.json and BENCHMARKS.md.

    python -m bench.run --smoke    # seconds; CI runs it so the harness never rots
    python -m bench.run --full     # loads 1x-100x, queries 1x-1000x, peers, throughput, profiles

Needs NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (the app's settings). The benchmark
empties that database; at the end it reloads the real knowledge base with
``loaders.pipeline.load``, so the database ends as a normal load leaves it. Nothing here
asserts anything about time.
"""

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import platform
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx
import neo4j
from neo4j import Driver, GraphDatabase

from bench import (
    graphql_peer,
    load_bench,
    load_report,
    load_side,
    profiles,
    query_bench,
    request_costs,
    scale_bench,
    targets_report,
)
from bench.api_process import ApiProcess
from bench.scale_bench import DATABASE
from smekg.database import open_driver
from smekg.settings import Settings, get_settings

log = logging.getLogger("bench")

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
MARKDOWN = ROOT / "BENCHMARKS.md"

KNOWN_LIMITS = [
    "the peer above 100x: rdflib's parse of 16 M triples needs more time and memory than this "
    "harness allows; the 1000x database for the query measurements is built by neo4j-admin",
    "a like-for-like peer graph: rdflib-neo4j (defaults) overwrites multi-valued properties "
    "and stores literals as plain values without language tags or non-native datatypes, so "
    "it writes less than our reversible mapping and its graph is not the one our API reads",
    "remote (non-loopback) clients, TLS, more than one API worker process",
]


@dataclass(frozen=True)
class Profile:
    name: str
    scales: list[int]  # load benchmark scales
    runs: int
    peer_up_to: int
    admin_up_to: int  # neo4j-admin offline import up to this scale
    query_scales: list[int]  # query latency on databases built by neo4j-admin import
    warmup: int
    iterations: int  # latency samples per case on the real knowledge base
    scaled_iterations: int  # latency samples per case on each scaled database
    cached_requests: int
    uncached_requests: int
    connections: int
    profile_seconds: float  # py-spy sampling per case (0: no Python profile)
    import_scales: list[int]  # import of one generated document into these scales
    import_findings: int  # findings of that document
    cold_start: bool  # `make serve` against Neo4j alone (starts its own Neo4j)
    load_memory_mib: int  # address-space limit of our load process (a clean failure)


SMOKE = Profile("smoke", [1], 1, 1, 0, [1], 2, 10, 5, 2000, 40, 8, 2, [1], 5, False, 16 * 1024)
FULL = Profile(
    "full", [1, 10, 100, 1000], 3, 100, 100, [1, 10, 100, 1000], 10, 200, 60, 20000, 6000, 16,
    8, [1, 100], 100, True, 16 * 1024,
)  # fmt: skip
# Uncached throughput runs 6,000 requests (about 20 s at 300 requests/s): with 300, a run lasted
# one second and mostly measured the API's connection pool growing to 16 Neo4j connections.
CONDITION_LABELS = {
    "scales": "load scales",
    "runs": "load runs per scale (median reported; one run above 10x)",
    "peer_up_to": "rdflib-neo4j up to scale",
    "admin_up_to": "neo4j-admin import up to scale",
    "query_scales": "query latency scales",
    "warmup": "warm-up requests per case",
    "iterations": "latency samples per case on the real knowledge base (interleaved)",
    "scaled_iterations": "latency samples per case on each scaled database",
    "cached_requests": "throughput requests, cache on",
    "uncached_requests": "throughput requests, cache off",
    "connections": "throughput connections",
    "profile_seconds": "py-spy seconds per case",
    "import_scales": "import of one generated document into scales",
    "import_findings": "findings in that document",
    "cold_start": "cold start of make serve measured",
    "load_memory_mib": "address-space limit of our load process (MiB)",
    "latency_client": "latency client",
    "throughput_client": "throughput client",
}


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
        "load_average_at_start": list(os.getloadavg()),
        "neo4j_uri_is_loopback": "127.0.0.1" in settings.neo4j_uri
        or "localhost" in settings.neo4j_uri,
    }


def not_yet_measured(results: dict[str, Any]) -> list[str]:
    """What the issue asks for that this run did not measure, and the known limits."""
    missing = [f"{e}" for e in results.get("skipped", [])]
    return missing + KNOWN_LIMITS


def _peer(settings: Settings) -> contextlib.AbstractContextManager[str | None]:
    """The peer's URL while it runs, or None (the reason is logged) when it cannot run."""
    reason = graphql_peer.node_available()
    if reason is not None:
        log.warning("peer skipped: %s", reason)
        return contextlib.nullcontext(None)
    return _running_peer(settings)


@contextlib.contextmanager
def _running_peer(settings: Settings) -> Iterator[str | None]:
    with graphql_peer.PeerServer(settings) as peer:
        yield peer.url


def _scaled_queries(profile: Profile, results: dict[str, Any]) -> None:
    """Latency (and PROFILE of the point queries) on databases of each query scale."""
    for database in scale_bench.scaled_databases(profile.query_scales):
        driver = open_driver(database.settings)
        try:
            with _peer(database.settings) as peer_url:
                latency = query_bench.latency(
                    driver, database.settings, 2, profile.scaled_iterations, peer_url
                )
            cypher = {
                case: profiles.cypher_profile(driver, DATABASE, reads)
                for case, reads in query_bench.recorded_reads(database.settings).items()
            }
        finally:
            driver.close()
        results["scaled_queries"].append(
            {"database": database.summary(), "latency": latency, "cypher_profile": cypher}
        )


def _python_profiles(settings: Settings, seconds: float) -> list[dict[str, Any]]:
    if py_spy := profiles.py_spy_missing():
        log.warning("python profile skipped: %s", py_spy)
        return []
    out = []
    uncached = settings.model_copy(update={"smekg_cache_size": 0})
    with ApiProcess(uncached) as api, httpx.Client(base_url=api.url, timeout=60) as client:
        for case in query_bench.CASES:
            measured = profiles.python_profile(
                lambda: query_bench.post(client, "/graphql", case.graphql),  # noqa: B023
                seconds,
                api.pid,
            )
            out.append({"case": case.name, **measured})
    return out


def run(profile: Profile, settings: Settings, driver: Driver, load: bool = True) -> dict[str, Any]:
    """Every benchmark of `profile`; `load=False` leaves out the load side (`--part api`)."""
    results: dict[str, Any] = {
        "profile": profile.name,
        "environment": environment(driver, settings),
        "conditions": {
            **{
                k: v
                for k, v in profile.__dict__.items()
                if k != "name" and (load or k not in load_side.CONDITIONS)
            },
            "latency_client": "httpx over loopback from the harness; the API (python -m api) and "
            "the peer (node) each in their own process",
            "throughput_client": "autocannon (Node) in its own process, loopback",
        },
        "latency": [],
        "request_costs": [],
        "scaled_queries": [],
        "throughput": [],
        "python_profiles": [],
        "errors": [],
        "skipped": [],
    }
    started = time.perf_counter()
    if load:
        results.update(load_side.run(profile, settings, driver))
    with _peer(settings) as peer_url:
        if peer_url is None:
            results["skipped"].append(f"@neo4j/graphql peer: {graphql_peer.node_available()}")
        results["latency"] = query_bench.latency(
            driver, settings, profile.warmup, profile.iterations, peer_url
        )
    try:
        results["request_costs"] = request_costs.measure(
            settings, profile.warmup, profile.iterations
        )
    except RuntimeError as exc:
        results["errors"].append(f"request costs: {exc}")
    if reason := query_bench.load_generator_missing():
        results["skipped"].append(f"throughput: {reason}")
    else:
        for case in query_bench.THROUGHPUT_CASES:
            for cache, requests, workers in (
                (settings.smekg_cache_size or 512, profile.cached_requests, 1),
                (0, profile.uncached_requests, 1),
                (0, profile.uncached_requests, 2),
            ):
                try:
                    results["throughput"].append(
                        query_bench.throughput(
                            settings, case, cache, requests, profile.connections, workers
                        )
                    )
                except RuntimeError as exc:
                    results["errors"].append(f"throughput {case}: {exc}")
    if profile.profile_seconds:
        try:
            results["python_profiles"] = _python_profiles(settings, profile.profile_seconds)
        except RuntimeError as exc:
            results["errors"].append(f"python profile: {exc}")
    try:
        _scaled_queries(profile, results)
    except Exception as exc:  # a scale that cannot be built here is a result too
        log.exception("scaled queries failed")
        results["errors"].append(f"scaled queries: {type(exc).__name__}: {exc}")
    results["not_yet_measured"] = not_yet_measured(results)
    results["total_seconds"] = time.perf_counter() - started
    results["environment"]["load_average_at_end"] = list(os.getloadavg())
    return results


def _loads(values: list[float] | None) -> str:
    return "not recorded" if not values else " / ".join(f"{v:.1f}" for v in values)


def _f(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _ms(value: float | None) -> str:
    return _f(value, 1)


def _latency_section(results: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "## Query latency on the real knowledge base (cache off)",
        "",
        "API = the GraphQL POST over HTTP (response cache off; compiled requests on, decision "
        "0014: one statement per request for the common shapes), including the knowledge-base "
        "state it pins and checks (decisions 0011, 0013; read in the same statement: 0031). "
        "Floor = that one statement without the state (the best single Cypher statement we know"
        " for the question), replayed through the driver in its own auto-commit read "
        "transaction: the database work the API cannot avoid. Resolvers = the same "
        "API with compiled requests off (`SMEKG_COMPILED_QUERIES=false`); its floor = the "
        "replay of the "
        "queries it runs, one per DataLoader level (the previous floor). Peer = the same "
        "question through @neo4j/graphql on Node against the same Neo4j "
        "(`bench/graphql_peer.py`; *same size* checks both answers hold the same number of "
        "items). All samples interleaved. Targets: API/floor <= 1.2, API/peer <= 0.5.",
        "",
        "| request | API p50 ms | API p95 | API p99 | floor p50 ms | floor p95 | "
        "resolvers p50 ms | resolvers' queries | resolvers' floor p50 ms | peer p50 ms | "
        "peer p95 | same size | API/floor p50 | API/resolvers' floor p50 | API/peer p50 | "
        "resolvers/peer p50 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | "
        "---: | ---: | ---: | ---: |",
    ]
    for q in results["latency"]:
        a, f, p = q["api"], q["floor"], q["peer"] or {}
        r, rf = q.get("api_resolvers") or {}, q.get("floor_resolvers") or {}
        same = "—" if not p else ("yes" if p["same_answer_size"] else "**no**")
        lines.append(
            f"| {q['case']} | {_ms(a['p50_ms'])} | {_ms(a['p95_ms'])} | {_ms(a['p99_ms'])} | "
            f"{_ms(f['p50_ms'])} | {_ms(f['p95_ms'])} | {_ms(r.get('p50_ms'))} | "
            f"{len(q.get('floor_resolvers_queries', []))} | {_ms(rf.get('p50_ms'))} | "
            f"{_ms(p.get('p50_ms'))} | {_ms(p.get('p95_ms'))} | {same} | "
            f"{_f(q['ratio_api_over_floor_p50'])} | "
            f"{_f(q.get('ratio_api_over_floor_resolvers_p50'))} | "
            f"{_f(q['ratio_api_over_peer_p50'])} | "
            f"{_f(q.get('ratio_api_resolvers_over_peer_p50'))} |"
        )
    notes = [(q["case"], q["peer"]["note"]) for q in results["latency"] if q["peer"]]
    notes = [(case, note) for case, note in notes if note]
    if notes:
        lines += ["", "Peer differences:", ""] + [f"- {case}: {note}" for case, note in notes]
    return lines


def _scaled_section(results: dict[str, Any]) -> list[str]:
    scaled = results["scaled_queries"]
    if not scaled:
        return []
    lines = [
        "",
        "## Query latency by scale",
        "",
        "Each scale's database built by `neo4j-admin database import` from the property "
        "graph our mapping gives for the scaled Turtle (`bench/scale_bench.py`), then the "
        "loader's schema and indexes, served by its own Neo4j (1 GB heap, 1 GB page cache). "
        "p50 in ms, cache off. Growth = p50 at the largest scale / p50 at 1x (target for "
        "point queries: <= 2).",
        "",
        "| scale | triples | nodes | rels | store MiB | import s | indexes s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in scaled:
        d = s["database"]
        lines.append(
            f"| {d['scale']} | {d['triples']:,} | {d['nodes']:,} | {d['relationships']:,} | "
            f"{d['store_bytes'] / 2**20:,.0f} | {_f(d['import_s'])} | {_f(d['schema_s'])} |"
        )
    scales = [s["database"]["scale"] for s in scaled]
    lines += [
        "",
        "| request | point | "
        + " | ".join(f"API {k}x" for k in scales)
        + " | "
        + " | ".join(f"floor {k}x" for k in scales)
        + " | "
        + " | ".join(f"peer {k}x" for k in scales)
        + " | API growth | floor growth |",
        "| --- | --- | " + " | ".join("---:" for _ in range(3 * len(scales) + 2)) + " |",
    ]
    for index, case in enumerate(r["case"] for r in scaled[0]["latency"]):
        rows = [s["latency"][index] for s in scaled]
        api = [r["api"]["p50_ms"] for r in rows]
        floor = [r["floor"]["p50_ms"] for r in rows]
        peer = [r["peer"]["p50_ms"] if r["peer"] else None for r in rows]
        lines.append(
            f"| {case} | {'yes' if rows[0]['point'] else 'no'} | "
            + " | ".join(_ms(v) for v in api + floor + peer)
            + f" | {_f(api[-1] / api[0])} | {_f(floor[-1] / floor[0])} |"
        )
    lines += [
        "",
        "Neo4j `PROFILE` of the queries each request runs (database hits summed over the "
        "plan), smallest and largest scale:",
        "",
        f"| request | query | db hits {scales[0]}x | db hits {scales[-1]}x |",
        "| --- | --- | ---: | ---: |",
    ]
    first, last = scaled[0]["cypher_profile"], scaled[-1]["cypher_profile"]
    for case, reads in first.items():
        for small, large in zip(reads, last.get(case, []), strict=False):
            lines.append(
                f"| {case} | `{small['query']}` | {small['db_hits']:,} | {large['db_hits']:,} |"
            )
    return lines


def _throughput_section(results: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "## Throughput (bounded, loopback)",
        "",
        "A fixed number of identical POSTs from a fixed number of keep-alive connections, "
        "sent by autocannon in its own process (`bench/node/load.mjs`); the API (uvicorn, "
        "uvloop, httptools) as one process or `SMEKG_WORKERS=2`, on the same 2 cores as Neo4j "
        'and the client. Errors = non-200, timeouts or a GraphQL `"errors"` member. Targets: '
        ">= 1,000 requests/s for a cached Table 1; uncached, one process: >= 300 (Table 1), "
        ">= 200 (evidence chain); 0 errors.",
        "",
        "| request | cache | workers | requests | connections | seconds | requests/s | p50 ms | "
        "p99 ms | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t in results["throughput"]:
        lines.append(
            f"| {t['case']} | {'on' if t['cache'] else 'off'} | {t.get('workers', 1)} | "
            f"{t['requests']:,} | {t['connections']} | {_f(t['seconds'])} | "
            f"{_f(t['requests_per_s'], 0)} | {_f(t['latency_ms']['p50'], 1)} | "
            f"{_f(t['latency_ms']['p99'], 1)} | {t['errors']} |"
        )
    return lines


def _profile_section(results: dict[str, Any]) -> list[str]:
    if not results["python_profiles"]:
        return []
    names = sorted({n for p in results["python_profiles"] for n in p["shares"]})
    lines = [
        "",
        "## Where the API's time goes (py-spy, cache off)",
        "",
        "Share of the API process's samples by component while a client sent each request "
        "in a loop (py-spy, 200 Hz). Neo4j driver time is mostly waiting for the database.",
        "",
        "| request | requests | " + " | ".join(names) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in names) + " |",
    ]
    for p in results["python_profiles"]:
        lines.append(
            f"| {p['case']} | {p['requests']} | "
            + " | ".join(f"{p['shares'].get(n, 0):.0%}" for n in names)
            + " |"
        )
    return lines


def markdown(results: dict[str, Any]) -> str:
    env = results["environment"]
    machine = env["machine"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `python -m bench.run` from `bench/results/latest.json`; do not edit by "
        "hand. The analysis of each target is in `docs/benchmarks.md`.",
        "",
        f"- **Run**: `{results['profile']}` on {env['date']} ({results['total_seconds']:.0f} s)",
        f"- **Machine**: {machine['os']}; {machine['cpu']}; {machine['cpus']} CPUs; "
        f"{machine['memory']} RAM",
        "- **Load from other work on the machine** (1/5/15-minute load averages; 2 means both "
        f"cores busy): {_loads(env.get('load_average_at_start'))} at the start, "
        f"{_loads(env.get('load_average_at_end'))} at the end. Absolute times are inflated "
        "by it; the ratios come from interleaved samples of the same run.",
        f"- **Versions**: Python {env['python']}, {env['neo4j_server']}, neo4j driver "
        f"{env['neo4j_driver']}, rdflib {env['rdflib']}, pyshacl {env['pyshacl']}, "
        f"rdflib-neo4j {env['rdflib_neo4j'] or 'not installed'}, strawberry-graphql "
        f"{env['strawberry_graphql']}, uvicorn {env['uvicorn']}",
        "- **Neo4j settings**: "
        + ", ".join(f"`{k}={v}`" for k, v in sorted(env["neo4j_server_settings"].items())),
        "- **Conditions**:",
        *(
            f"  - {CONDITION_LABELS.get(key, key)}: {value}"
            for key, value in results["conditions"].items()
        ),
        "",
    ]
    lines += targets_report.targets_section(results)
    lines += load_report.load_section(results)
    lines += load_report.import_section(results)
    lines += load_report.cold_start_section(results)
    lines += load_report.errors_section(results)
    lines += _latency_section(results)
    lines += targets_report.costs_section(results)
    lines += _scaled_section(results)
    lines += _throughput_section(results)
    lines += _profile_section(results)
    if results["errors"]:
        lines += ["", "## Errors", ""] + [f"- {e}" for e in results["errors"]]
    lines += ["", "## Not measured in this run", ""] + [
        f"- {item}" for item in not_yet_measured(results)
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the load and query benchmarks.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--smoke", action="store_true", help="scale 1, few samples (minutes)")
    mode.add_argument(
        "--full", action="store_true", help="every scale and target (about 25 min on 2 cores)"
    )
    parser.add_argument("--scales", help="comma-separated scales, e.g. 1,10,100")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=JSON",
        help="override a profile field, e.g. --set admin_up_to=0 --set runs=1",
    )
    parser.add_argument(
        "--part",
        choices=["all", "load", "api"],
        default="all",
        help="load: only the load side (load, import, cold start), replaced in --json; "
        "api: everything else (queries, throughput, profiles, scales), the load side kept",
    )
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--markdown", type=Path, default=MARKDOWN)
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite the markdown from --json; no run"
    )
    parser.add_argument(
        "--with-load",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="add a load measured on its own (`bench.load_bench --out FILE`) to --json's load "
        "table, replacing its scale (with --render-only; a later --part load drops it)",
    )
    args = parser.parse_args(argv)
    if args.with_load and not args.render_only:
        parser.error("--with-load goes with --render-only")
    if args.render_only:
        stored = json.loads(args.json.read_text(encoding="utf-8"))
        for path in args.with_load:
            row = json.loads(path.read_text(encoding="utf-8"))
            stored = load_side.with_load_row(stored, row)
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
    overrides = dict(item.split("=", 1) for item in args.set)
    profile = Profile(**{**profile.__dict__, **{k: json.loads(v) for k, v in overrides.items()}})
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
        if args.part == "load":
            stored = json.loads(args.json.read_text(encoding="utf-8"))

            def checkpoint(fresh: dict[str, Any]) -> None:
                partial = load_side.replace_in(stored, fresh)
                args.json.write_text(json.dumps(partial, indent=2) + "\n", encoding="utf-8")
                args.markdown.write_text(markdown(partial), encoding="utf-8")

            results = load_side.replace_in(
                stored, load_side.run(profile, settings, driver, checkpoint)
            )
        elif args.part == "api":
            stored = json.loads(args.json.read_text(encoding="utf-8"))
            fresh = run(profile, settings, driver, load=False)
            results = load_side.replace_in(fresh, stored)  # the stored load side kept
        else:
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
