"""Drill: hostile HTTP against the API (``python -m api``). Oversized bodies (declared, and
streamed without a length) are refused with 413 and cost the other clients nothing they
would notice; oversized heads are 431; malformed, non-UTF-8, non-object and deeply nested
JSON is 400, never 500; junk query strings and accept headers cannot flood the response
cache, which holds at most SMEKG_CACHE_BYTES; weak and listed ETags give 304; HEAD gives the
GET's headers without a body."""

import contextlib
import socket
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from smekg.settings import Settings
from tests.drills.conftest import Figures
from tests.drills.processes import ApiProcess, rss_mib

MIB = 1024 * 1024
HUGE = 100 * MIB
CACHE_BYTES = 4 * MIB
QUERY = '{"query": "{ themes { id label } }"}'


def _metric(url: str, name: str) -> int:
    for line in httpx.get(f"{url}/metrics", timeout=30).text.splitlines():
        if line.startswith(f"smekg_{name} "):
            return int(line.split()[1])
    raise AssertionError(f"no metric {name}")


def _send_raw(port: int, head: bytes, body_chunks: int, chunk: bytes) -> tuple[bytes, int]:
    """Send a head, then up to `body_chunks` chunks while a thread reads the answer; (the
    answer's first bytes, bytes of body sent before the server stopped taking them)."""
    sent = 0
    answer = bytearray()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:

        def read() -> None:
            with contextlib.suppress(OSError):
                while b"\r\n\r\n" not in answer:
                    more = sock.recv(4096)
                    if not more:
                        return
                    answer.extend(more)

        reader = threading.Thread(target=read)
        reader.start()
        with contextlib.suppress(OSError):
            sock.sendall(head)
            for _ in range(body_chunks):
                if answer:
                    break
                sock.sendall(chunk)
                sent += len(chunk)
        reader.join(timeout=30)
    return bytes(answer), sent


def _probe(url: str, stop: threading.Event, times: list[float]) -> None:
    with httpx.Client(base_url=url, timeout=30) as client:
        while not stop.is_set():
            started = time.monotonic()
            client.get("/healthz")
            times.append(time.monotonic() - started)
            time.sleep(0.02)


def _latencies(url: str, seconds: float, during: object = None) -> list[float]:
    times: list[float] = []
    stop = threading.Event()
    probe = threading.Thread(target=_probe, args=(url, stop, times))
    probe.start()
    if callable(during):
        during()
    else:
        time.sleep(seconds)
    stop.set()
    probe.join(timeout=30)
    return times


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


@pytest.fixture
def api(loaded_db: Driver, settings: Settings, tmp_path: Path) -> Iterator[ApiProcess]:
    with ApiProcess(settings, tmp_path / "api.log", {"SMEKG_CACHE_BYTES": str(CACHE_BYTES)}) as api:
        yield api


def test_huge_bodies_are_refused_and_cost_others_nothing(api: ApiProcess, figures: Figures) -> None:
    baseline = _latencies(api.url, 3.0)
    before = rss_mib(api.pid)
    chunk = b"x" * (256 * 1024)
    answers: list[bytes] = []
    sent: list[int] = []

    def attack() -> None:
        for head in (
            f"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {HUGE}\r\n\r\n".encode(),
            b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n",
            f"POST /tables/comparison.csv HTTP/1.1\r\nHost: x\r\nContent-Length: {2 * HUGE}"
            "\r\n\r\n".encode(),
        ):
            chunked = b"chunked" in head
            piece = b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk
            answer, count = _send_raw(api.port, head, HUGE // len(chunk), piece)
            answers.append(answer)
            sent.append(count)

    during = _latencies(api.url, 0, attack)
    after = rss_mib(api.pid)
    statuses = [a.split(b" ", 2)[1] if a.count(b" ") >= 2 else a for a in answers]
    cost = _p90(during) - _p90(baseline)
    figures["bytes_offered"] = HUGE * 4
    figures["bytes_sent_before_refusal"] = sum(sent)
    figures["healthz_p90_baseline_ms"] = round(_p90(baseline) * 1000, 1)
    figures["healthz_p90_during_ms"] = round(_p90(during) * 1000, 1)
    figures["healthz_max_during_ms"] = round(max(during) * 1000, 1)
    figures["cost_to_others_ms"] = round(max(cost, 0) * 1000, 1)
    figures["rss_growth_mib"] = round(after - before, 1)
    assert statuses == [b"413", b"413", b"413"], answers
    assert cost <= 0.1
    assert after - before < 50
    assert len(during) >= 5


def test_oversized_heads_are_431(api: ApiProcess) -> None:
    many = {f"x-junk-{i}": "y" for i in range(200)}
    long = {"x-junk": "y" * 40_000}
    with httpx.Client(base_url=api.url, timeout=30) as client:
        for headers in (many, long):
            response = client.get("/healthz", headers=headers)
            assert response.status_code == 431, response.text
            assert "SMEKG_MAX_HEADER" in response.json()["error"]
        assert client.get("/healthz").status_code == 200


MALFORMED: dict[str, tuple[str, bytes]] = {
    "number": ("application/json", b"42"),
    "null": ("application/json", b"null"),
    "array": ("application/json", b'[{"query": "{ themes { id } }"}]'),
    "truncated": ("application/json", b'{"query": "{ themes'),
    "not-utf8": ("application/json", b'{"query": "{ themes { id } }\xff\xfe"}'),
    "nested-100": (
        "application/json",
        b'{"query": "{ themes { id } }", "variables": {"a": ' + b"[" * 100 + b"]" * 100 + b"}}",
    ),
    "nested-100000": ("application/json", b"[" * 100_000 + b"]" * 100_000),
    "graphql-not-utf8": ("application/graphql", b"{ themes { id } }\xff"),
    "empty": ("application/json", b""),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_bodies_are_400(api: ApiProcess, case: str) -> None:
    media, body = MALFORMED[case]
    response = httpx.post(
        f"{api.url}/graphql", content=body, headers={"Content-Type": media}, timeout=30
    )
    assert response.status_code == 400, response.text
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "Traceback" not in response.text


def test_deep_variables_in_a_get_are_400(api: ApiProcess) -> None:
    deep = "[" * 50 + "]" * 50
    response = httpx.get(
        f"{api.url}/graphql", params={"query": "{ themes { id } }", "variables": deep}, timeout=30
    )
    assert response.status_code == 400


def test_cache_cannot_be_flooded(api: ApiProcess, figures: Figures) -> None:
    before = rss_mib(api.pid)
    with httpx.Client(base_url=api.url, timeout=60) as client:
        assert client.get("/graph").status_code == 200
        for i in range(120):
            assert client.get(f"/graph?junk={i}&x{i}=1").status_code == 200
            client.get("/graph", headers={"Accept": f"text/turtle;q=0.{i % 9 + 1}, junk/{i}"})
        graph_entries = _metric(api.url, "cache_entries")
        for i in range(150):  # distinct answers of ~30 KB each: more than the cache may hold
            query = f"{{ predictions {{ text stance conditions a{i}: id }} }}"
            assert client.post("/graphql", json={"query": query}).status_code == 200
            assert _metric(api.url, "cache_bytes") <= CACHE_BYTES
    held = _metric(api.url, "cache_bytes")
    figures["graph_junk_requests"] = 240
    figures["cache_entries_after_graph_junk"] = graph_entries
    figures["cache_bytes_after_flood"] = held
    figures["cache_bytes_cap"] = CACHE_BYTES
    figures["rss_growth_mib"] = round(rss_mib(api.pid) - before, 1)
    assert graph_entries <= 2  # Turtle and JSON-LD at most
    assert held <= CACHE_BYTES
    assert rss_mib(api.pid) - before < 60


def test_weak_and_listed_etags_are_304_and_head_has_no_body(api: ApiProcess) -> None:
    with httpx.Client(base_url=api.url, timeout=30) as client:
        first = client.get("/tables/comparison.csv")
        etag = first.headers["etag"]
        for sent in (etag, f"W/{etag}", f'"other", {etag}', f'W/"other", W/{etag}', "*"):
            assert (
                client.get("/tables/comparison.csv", headers={"If-None-Match": sent}).status_code
                == 304
            ), sent
        assert (
            client.get("/tables/comparison.csv", headers={"If-None-Match": '"other"'}).status_code
            == 200
        )
        head = client.head("/tables/comparison.csv")
        assert head.status_code == 200
        assert head.content == b""
        assert head.headers["content-length"] == str(len(first.content))
        assert head.headers["etag"] == etag
        assert client.head("/healthz").status_code == 200
