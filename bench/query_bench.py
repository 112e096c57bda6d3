"""Query benchmark: competency-question requests over HTTP against the driver floor and a peer.

The API runs as its own process (``python -m api``, like the Node peer). Latency is measured
with the response cache off (``smekg_cache_size=0``), one request at a time, per case:

- **API**: the GraphQL POST over HTTP, answer parsed (compiled requests on: one statement
  for the common shapes, decision 0014);
- **floor**: the one Cypher statement the API ran for that request (recorded through the
  repository's ``on_read`` tap of an in-process server, without the state the API reads after
  it), replayed through the driver in its own auto-commit read transaction (one round trip,
  as the API runs it: decision 0031), rows materialised as dicts — the best single statement
  we know for the question, and the database work the API cannot avoid;
- **API (resolvers)** and **floor (resolvers)**: the same with compiled requests off — the
  resolver path and the replay of its one-query-per-level Cypher (the previous floor);
- **peer**: the same question through ``@neo4j/graphql`` on Node (bench/graphql_peer.py),
  pointed at the same Neo4j, when Node and the peer's packages are installed.

Throughput: a bounded load (fixed request count, fixed connections, loopback) from an
out-of-process generator (autocannon on Node, bench/node/load.mjs), so the client does not
share the API's Python interpreter; with the cache on and off.
"""

import json
import logging
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from neo4j import READ_ACCESS, Driver

from api.live_server import LiveServer
from bench import graphql_peer
from bench.api_process import ApiProcess
from smekg.settings import Settings

log = logging.getLogger(__name__)

KB = "https://w3id.org/sme-intl-kg/kb/"
LOAD_SCRIPT = Path(__file__).resolve().parent / "node" / "load.mjs"
Read = tuple[str, str, dict[str, Any]]  # name, statement, parameters


@dataclass(frozen=True)
class Case:
    name: str
    graphql: str
    point: bool  # answer size independent of the graph's size (the scale target applies)


CASES: list[Case] = [
    Case(
        "comparison_table",
        f"{{ comparisonTable(perspectives: {json.dumps(graphql_peer.TABLE1_PERSPECTIVES)},"
        f" themes: {json.dumps(graphql_peer.TABLE1_THEMES)})"
        " { columns { label family { label } } rows { theme { proposition }"
        " cells { text stance source { locator quote } } } footnotes { text } } }",
        point=True,
    ),
    Case(
        "predictions_theme_1",
        f'{{ predictions(theme: "{KB}theme-1") {{ perspective {{ label }} text stance'
        " conditions source { quote } } }",
        point=False,
    ),
    Case(
        "evidence_chain_pred_stage_7",
        f'{{ evidenceChain(prediction: "{KB}pred-stage-7") {{ prediction {{ text }}'
        " documents { title } findings { relation basis finding { summary"
        " studies { authors year title venue } source { document { title } section locator"
        " quote } } } } }",
        point=True,
    ),
    Case(
        "study_westhead2004a",
        f'{{ study(id: "{KB}work-westhead2004a") {{ authors year findings {{ summary sample'
        " country sector method source { quote } } } }",
        point=True,
    ),
    Case(
        "categories_factor_triggering",
        f'{{ categories(factor: "{KB}factor-triggering") {{ label share sampleSize'
        " items { label } source { quote } } }",
        point=False,
    ),
]
THROUGHPUT_CASES = ("comparison_table", "evidence_chain_pred_stage_7")


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50/p95/p99 in milliseconds (inclusive method: exact for small sample counts)."""
    if len(samples) < 2:
        only = samples[0] * 1000 if samples else float("nan")
        return {"p50_ms": only, "p95_ms": only, "p99_ms": only, "n": len(samples)}
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "p50_ms": statistics.median(samples) * 1000,
        "p95_ms": cuts[94] * 1000,
        "p99_ms": cuts[98] * 1000,
        "n": len(samples),
    }


def post(client: httpx.Client, url: str, text: str) -> dict[str, Any]:
    """One GraphQL POST; the parsed answer, or RuntimeError on any error."""
    response = client.post(url, json={"query": text})
    answer: dict[str, Any] = response.json()
    if response.status_code != 200 or "errors" in answer:
        raise RuntimeError(f"GraphQL request failed ({response.status_code}): {response.text}")
    return answer


def _samples(function: Callable[[], object], warmup: int, iterations: int) -> list[float]:
    return interleaved([function], warmup, iterations)[0]


def interleaved(
    functions: list[Callable[[], object]], warmup: int, iterations: int
) -> list[list[float]]:
    """Seconds per call of each function, called in turn, so drift hits them alike."""
    for _ in range(warmup):
        for function in functions:
            function()
    samples: list[list[float]] = [[] for _ in functions]
    for _ in range(iterations):
        for function, kept in zip(functions, samples, strict=True):
            start = time.perf_counter()
            function()
            kept.append(time.perf_counter() - start)
    return samples


def record_reads(server: LiveServer, client: httpx.Client, case: Case) -> list[Read]:
    """The statements and parameters the API runs to answer `case` once, without the
    knowledge-base state it pins and checks (decisions 0011 and 0013: not data; the API pays it)."""
    reads: list[Read] = []
    repository = server.app.state.repository
    repository.on_read = lambda name, cypher, params: reads.append((name, cypher, dict(params)))
    try:
        post(client, "/graphql", case.graphql)
    finally:
        repository.on_read = None
    return [read for read in reads if read[0] not in ("get_kb_state", "get_kb_version")]


def floor_call(driver: Driver, database: str, reads: list[Read]) -> Callable[[], object]:
    """Replay `reads` through the driver: the API's database work without the API. Each
    statement in its own auto-commit read transaction, the quickest way the driver runs one
    (one round trip; a transaction function adds BEGIN and COMMIT), as the API runs them."""

    def call() -> object:
        rows = []
        for _, cypher, params in reads:
            with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
                rows.append([record.data() for record in session.run(cypher, params)])
        return rows

    return call


def _ratio(a: dict[str, float], b: dict[str, float] | None) -> float | None:
    return None if not b else a["p50_ms"] / b["p50_ms"]


def latency(
    driver: Driver,
    settings: Settings,
    warmup: int,
    iterations: int,
    peer_url: str | None = None,
) -> list[dict[str, Any]]:
    """Per case: API, its floor (the one compiled statement), the resolver path and its floor
    (the replay of its queries), and (optionally) the peer: percentiles and ratios.

    The APIs run as their own processes (``bench.api_process``), like the peer; the floors'
    statements are recorded beforehand from in-process servers. Cache off throughout.
    """
    results = []
    uncached = settings.model_copy(update={"smekg_cache_size": 0})
    resolvers = uncached.model_copy(update={"smekg_compiled_queries": False})
    recorded, recorded_resolvers = recorded_reads(uncached), recorded_reads(resolvers)
    database = settings.neo4j_database
    with (
        ApiProcess(uncached) as api,
        ApiProcess(resolvers) as api_resolvers,
        httpx.Client(base_url=api.url, timeout=60) as client,
        httpx.Client(base_url=api_resolvers.url, timeout=60) as client_resolvers,
        httpx.Client(timeout=60) as peer_client,
    ):
        for case in CASES:
            reads, reads_resolvers = recorded[case.name], recorded_resolvers[case.name]
            answer = post(client, "/graphql", case.graphql)
            if post(client_resolvers, "/graphql", case.graphql) != answer:
                raise RuntimeError(f"{case.name}: the compiled and resolver answers differ")
            calls: list[Callable[[], object]] = [
                lambda: post(client, "/graphql", case.graphql),  # noqa: B023
                floor_call(driver, database, reads),
                lambda: post(client_resolvers, "/graphql", case.graphql),  # noqa: B023
                floor_call(driver, database, reads_resolvers),
            ]
            peer_case = graphql_peer.PEER_CASES[case.name]
            if peer_url is not None:
                peer_answer = post(peer_client, peer_url, peer_case.graphql)
                calls.append(lambda: post(peer_client, peer_url, peer_case.graphql))  # noqa: B023
            samples = interleaved(calls, warmup, iterations)
            api_p, floor_p = percentiles(samples[0]), percentiles(samples[1])
            result: dict[str, Any] = {
                "case": case.name,
                "point": case.point,
                "floor_queries": [name for name, _, _ in reads],
                "floor_resolvers_queries": [name for name, _, _ in reads_resolvers],
                "api": api_p,
                "floor": floor_p,
                "api_resolvers": percentiles(samples[2]),
                "floor_resolvers": percentiles(samples[3]),
                "peer": None,
            }
            if peer_url is not None:
                ours_size = graphql_peer.ours_answer_size[case.name](answer)
                peer_size = peer_case.answer_size(peer_answer)
                result["peer"] = {
                    **percentiles(samples[4]),
                    "answer_size": peer_size,
                    "ours_answer_size": ours_size,
                    "same_answer_size": ours_size == peer_size,
                    "note": peer_case.note,
                }
            result["ratio_api_over_floor_p50"] = _ratio(api_p, floor_p)
            result["ratio_api_over_floor_resolvers_p50"] = _ratio(api_p, result["floor_resolvers"])
            result["ratio_api_over_peer_p50"] = _ratio(api_p, result["peer"])
            result["ratio_api_resolvers_over_peer_p50"] = _ratio(
                result["api_resolvers"], result["peer"]
            )
            results.append(result)
            log.info(
                "%s: API p50 %.1f ms, floor %.1f ms, resolvers %.1f ms (%d queries), peer %s",
                case.name,
                api_p["p50_ms"],
                floor_p["p50_ms"],
                result["api_resolvers"]["p50_ms"],
                len(reads_resolvers),
                f"{result['peer']['p50_ms']:.1f} ms" if result["peer"] else "-",
            )
    return results


def load_generator_missing() -> str | None:
    """Why the out-of-process load generator cannot run, or None."""
    if shutil.which("node") is None:
        return "Node.js is not installed (the load generator is autocannon on Node)"
    if not (LOAD_SCRIPT.parent / "node_modules" / "autocannon").is_dir():
        return "autocannon is not installed: run `make bench-node` (npm ci --prefix bench/node)"
    return None


def throughput(
    settings: Settings,
    case_name: str,
    cache_size: int,
    requests: int,
    connections: int,
    workers: int = 1,
) -> dict[str, Any]:
    """`requests` identical POSTs from `connections` connections to `workers` API processes;
    requests/s and errors."""
    case = next(c for c in CASES if c.name == case_name)
    config = settings.model_copy(update={"smekg_cache_size": cache_size, "smekg_workers": workers})
    with ApiProcess(config) as server:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            post(client, "/graphql", case.graphql)  # warm (and, cache on, fill) before timing
        spec = {
            "url": f"{server.url}/graphql",
            "body": json.dumps({"query": case.graphql}),
            "amount": requests,
            "connections": connections,
        }
        completed = subprocess.run(  # noqa: S603 - our own script, arguments from code
            ["node", str(LOAD_SCRIPT), json.dumps(spec)],  # noqa: S607 - node from PATH
            capture_output=True,
            text=True,
            check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"load generator failed: {completed.stderr.strip()[-500:]}")
    measured = json.loads(completed.stdout)
    result = {
        "case": case.name,
        "cache": cache_size > 0,
        "workers": workers,
        "requests": measured["requests"],
        "connections": connections,
        "seconds": measured["seconds"],
        "requests_per_s": measured["requestsPerSecond"],
        "errors": measured["errors"],
        "latency_ms": measured["latency"],
    }
    log.info(
        "throughput %s cache=%s workers=%d: %.0f req/s, %d errors",
        case.name,
        cache_size > 0,
        workers,
        result["requests_per_s"],
        result["errors"],
    )
    return result


def recorded_reads(settings: Settings) -> dict[str, list[Read]]:
    """For each case, the named queries and parameters the API runs to answer it."""
    with LiveServer(settings) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        return {case.name: record_reads(server, client, case) for case in CASES}
