"""Query benchmark: competency-question GraphQL requests over HTTP against the driver floor.

The API runs in-process under uvicorn on a loopback port (a thread, as tests/conftest.py's
tests do). Latency is measured with the response cache disabled
(``smekg_cache_size=0``), one request at a time. The floor is the request's main named
Cypher query, run through the driver with the parameters the repository passes, in a read
transaction, rows materialised as dicts. The API does more than the floor per request (the
cache middleware's version lookup, DataLoader batches for nested fields, GraphQL
execution, JSON): `queries_per_request` counts the Cypher queries it actually ran.

A bounded throughput run sends a fixed number of requests from a few threads (loopback
only) for the comparison table, with the cache on and off.
"""

import logging
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, LiteralString

import httpx
from neo4j import Driver, ManagedTransaction

from api.live_server import LiveServer
from queries import query
from smekg.settings import Settings

log = logging.getLogger(__name__)

KB = "https://w3id.org/sme-intl-kg/kb/"


@dataclass(frozen=True)
class Case:
    name: str
    graphql: str
    cypher: str  # the named query the repository runs first for this request
    params: dict[str, Any]


CASES: list[Case] = [
    Case(
        "comparison_table",
        "{ comparisonTable { columns { label family { label } } rows { theme { proposition }"
        " cells { text stance source { locator quote } } } footnotes { text } } }",
        "get_comparison_table",
        {"perspectives": None, "themes": None},
    ),
    Case(
        "predictions_theme_1",
        f'{{ predictions(theme: "{KB}theme-1") {{ perspective {{ label }} text stance'
        " conditions source { quote } } }",
        "get_predictions",
        {"iris": None, "perspective": None, "theme": f"{KB}theme-1", "stance": None},
    ),
    Case(
        "evidence_chain_pred_stage_7",
        f'{{ evidenceChain(prediction: "{KB}pred-stage-7") {{ prediction {{ text }}'
        " documents { title } findings { relation basis finding { summary"
        " studies { authors year title venue } source { document { title } section locator"
        " quote } } } } }",
        "get_evidence_chain",
        {"prediction": f"{KB}pred-stage-7"},
    ),
    Case(
        "study_westhead2004a",
        f'{{ study(id: "{KB}work-westhead2004a") {{ authors year findings {{ summary sample'
        " country sector method source { quote } } } }",
        "get_studies",
        {
            "iris": [f"{KB}work-westhead2004a"],
            "search": None,
            "yearFrom": None,
            "yearTo": None,
            "citedBy": None,
            "citedByAll": None,
            "skip": 0,
            "limit": 1,
        },
    ),
    Case(
        "categories_factor_triggering",
        f'{{ categories(factor: "{KB}factor-triggering") {{ label share sampleSize'
        " items { label } source { quote } } }",
        "get_categories",
        {"iris": None, "factor": f"{KB}factor-triggering", "minShare": None},
    ),
]


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


def _post(client: httpx.Client, text: str) -> httpx.Response:
    response = client.post("/graphql", json={"query": text})
    if response.status_code != 200 or "errors" in response.json():
        raise RuntimeError(f"GraphQL request failed ({response.status_code}): {response.text}")
    return response


def _samples(function: Callable[[], object], warmup: int, iterations: int) -> list[float]:
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def _api_call(client: httpx.Client, case: Case) -> Callable[[], object]:
    def call() -> object:
        return _post(client, case.graphql)

    return call


def floor_call(driver: Driver, database: str, case: Case) -> Callable[[], object]:
    cypher: LiteralString = query(case.cypher)

    def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
        return [record.data() for record in tx.run(cypher, case.params)]

    def call() -> object:
        with driver.session(database=database) as session:
            rows = session.execute_read(work)
        if not rows:
            raise RuntimeError(f"floor query {case.cypher} returned no rows")
        return rows

    return call


def latency(
    driver: Driver, settings: Settings, warmup: int, iterations: int
) -> list[dict[str, Any]]:
    """Per case: API (cache off) and driver-floor percentiles and the p50 ratio."""
    results = []
    uncached = settings.model_copy(update={"smekg_cache_size": 0})
    with LiveServer(uncached) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        for case in CASES:
            before = server.queries_run
            api = _samples(_api_call(client, case), warmup, iterations)
            per_request = (server.queries_run - before) / (warmup + iterations)
            floor = _samples(floor_call(driver, settings.neo4j_database, case), warmup, iterations)
            api_p, floor_p = percentiles(api), percentiles(floor)
            results.append(
                {
                    "case": case.name,
                    "floor_query": case.cypher,
                    "api": api_p,
                    "floor": floor_p,
                    "queries_per_request": per_request,
                    "ratio_api_over_floor_p50": api_p["p50_ms"] / floor_p["p50_ms"],
                    "ratio_api_over_floor_p95": api_p["p95_ms"] / floor_p["p95_ms"],
                }
            )
            log.info(
                "%s: API p50 %.1f ms, floor p50 %.1f ms",
                case.name,
                api_p["p50_ms"],
                floor_p["p50_ms"],
            )
    return results


def throughput(settings: Settings, cache_size: int, requests: int, threads: int) -> dict[str, Any]:
    """`requests` comparison-table requests from `threads` threads; requests/s and errors."""
    text = CASES[0].graphql
    config = settings.model_copy(update={"smekg_cache_size": cache_size})
    errors = 0
    lock = threading.Lock()
    with LiveServer(config) as server:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            _post(client, text)  # warm (and, with the cache on, fill) before timing

        def worker(count: int) -> None:
            nonlocal errors
            failed = 0
            with httpx.Client(base_url=server.url, timeout=30) as client:
                for _ in range(count):
                    try:
                        _post(client, text)
                    except (RuntimeError, httpx.HTTPError):
                        failed += 1
            with lock:
                errors += failed

        shares = [
            requests // threads + (1 if i < requests % threads else 0) for i in range(threads)
        ]
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(worker, shares))
        seconds = time.perf_counter() - start
    result = {
        "case": CASES[0].name,
        "cache": cache_size > 0,
        "requests": requests,
        "threads": threads,
        "seconds": seconds,
        "requests_per_s": requests / seconds,
        "errors": errors,
    }
    log.info(
        "throughput cache=%s: %.0f req/s, %d errors", cache_size > 0, requests / seconds, errors
    )
    return result
