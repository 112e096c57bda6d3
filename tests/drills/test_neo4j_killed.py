"""Drill: Neo4j is killed (SIGKILL) under 16 concurrent clients and started again, while the
API (``python -m api``) runs on. While it is down every answer is a 503 SERVICE_UNAVAILABLE
within 2 s, or a cached answer of the last good version (unchanged, marked); never a 200
with an error, never a hang. Once Neo4j answers again the API answers from it within 5 s,
without a restart. GraphQL root and nested fields and REST exports alike."""

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

from loaders.mapping import PropertyGraph
from loaders.writer import writer_session
from smekg.database import DatabaseUnavailableError, open_driver
from smekg.settings import Settings
from tests.conftest import ROOT, publish
from tests.drills.conftest import Figures
from tests.drills.processes import ApiProcess, DrillNeo4j, drill_neo4j

KB = "https://w3id.org/sme-intl-kg/kb/"
CLIENTS = 16
PAUSE_S = 0.1  # between one client's requests
OUTAGE_S = 4.0  # the drill's clients meet the dead database this long before it restarts
AFTER_S = 7.0  # and go on this long after it answers again
REQUESTS: dict[str, tuple[str, str, object]] = {
    "themes": ("POST", "/graphql", {"query": "{ themes { id label } }"}),
    "perspective": (
        "POST",
        "/graphql",
        {"query": f'{{ perspective(id: "{KB}persp-stage") {{ label sources {{ quote }} }} }}'},
    ),
    "theme": (
        "POST",
        "/graphql",
        {"query": f'{{ theme(id: "{KB}theme-1") {{ label sources {{ quote }} }} }}'},
    ),
    "study": (
        "POST",
        "/graphql",
        {"query": f'{{ study(id: "{KB}work-westhead2004a") {{ findings {{ summary }} }} }}'},
    ),
    "nested": (
        "POST",
        "/graphql",
        {"query": "{ predictions(stance: YES) { perspective { label family { label } } } }"},
    ),
    "table": ("GET", "/tables/comparison.csv", None),
    "node": ("GET", f"/nodes?iri={KB}persp-stage", None),
}


@dataclass
class Answer:
    name: str
    started: float
    ended: float
    status: int
    cache: str
    code: str
    body: str


def _ask(client: httpx.Client, name: str, serial: int) -> Answer:
    search = {"query": f'{{ search(text: "stage {serial}") {{ id }} }}'}
    # a search is never cached: each text is new
    method, path, payload = ("POST", "/graphql", search) if name == "search" else REQUESTS[name]
    started = time.monotonic()
    try:
        response = client.request(method, path, json=payload)
    except httpx.HTTPError as exc:
        return Answer(name, started, time.monotonic(), 0, "", type(exc).__name__, "")
    ended = time.monotonic()
    code = ""
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        errors = body.get("errors") if isinstance(body, dict) else None
        code = (
            errors[0].get("extensions", {}).get("code", "NONE")
            if errors
            else str(body.get("code", ""))
        )
    return Answer(
        name,
        started,
        ended,
        response.status_code,
        response.headers.get("x-cache", ""),
        code,
        response.text,
    )


def _clients(url: str, stop: threading.Event, answers: list[Answer]) -> list[threading.Thread]:
    names = [*REQUESTS, "search"]
    lock = threading.Lock()

    def run(index: int) -> None:
        serial = index * 100_000
        with httpx.Client(base_url=url, timeout=30) as client:
            while not stop.is_set():
                serial += 1
                answer = _ask(client, names[serial % len(names)], serial)
                with lock:
                    answers.append(answer)
                time.sleep(PAUSE_S)

    return [threading.Thread(target=run, args=(i,), daemon=True) for i in range(CLIENTS)]


def test_neo4j_killed_under_load(kb_graph: PropertyGraph, tmp_path: Path, figures: Figures) -> None:
    with drill_neo4j(ROOT / ".cache" / "neo4j" / "drill") as neo4j:
        settings = neo4j.start()
        driver = open_driver(settings)
        try:
            with writer_session(driver, settings.neo4j_database):
                pass  # schema and lock node
            publish(driver, settings, kb_graph, "drill-kb")
        finally:
            driver.close()
        with ApiProcess(settings, tmp_path / "api.log") as api:
            _drill(api, neo4j, figures)


def _drill(api: ApiProcess, neo4j: DrillNeo4j, figures: Figures) -> None:
    good: dict[str, str] = {}
    with httpx.Client(base_url=api.url, timeout=30) as client:
        for name in REQUESTS:
            answer = _ask(client, name, 0)
            assert answer.status == 200, (name, answer.body[:300])
            assert not answer.code, (name, answer.body[:300])
            good[name] = answer.body
        assert client.get("/readyz").status_code == 200
    answers: list[Answer] = []
    stop = threading.Event()
    threads = _clients(api.url, stop, answers)
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.0)
        killed = time.monotonic()
        neo4j.kill()
        time.sleep(OUTAGE_S)
        with httpx.Client(base_url=api.url, timeout=10) as client:
            ready_during = client.get("/readyz").status_code
        back = _answering(neo4j.start())
        time.sleep(AFTER_S)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    pid_alive = api.process is not None and api.process.poll() is None
    _judge(answers, good, killed, back, figures)
    assert ready_during == 503
    assert pid_alive, "the API must ride out the outage without a restart"
    with httpx.Client(base_url=api.url, timeout=30) as client:
        metrics = client.get("/metrics").text
    refusals = next(
        int(line.split()[1])
        for line in metrics.splitlines()
        if line.startswith("smekg_outage_refusals_total")
    )
    figures["reads_refused_without_asking_neo4j"] = refusals
    assert refusals > 0, "an outage is remembered: reads fail at once, not one by one"
    log = api.output()
    assert log.count("Neo4j is unavailable:") == 1, "one line when the outage begins"
    assert log.count("Neo4j answers again") == 1, "and one when it ends"


def _answering(settings: Settings) -> float:
    """When Neo4j answers a query again (not only a Bolt handshake): the moment recovery is
    measured from."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            driver = open_driver(settings)
        except DatabaseUnavailableError:
            time.sleep(0.1)
            continue
        try:
            with driver.session(database=settings.neo4j_database) as session:
                session.run("MATCH (k:KnowledgeBase) RETURN k.version").consume()
            return time.monotonic()
        except (ServiceUnavailable, SessionExpired, TransientError):
            time.sleep(0.1)
        finally:
            driver.close()
    raise AssertionError("Neo4j did not answer within 300 s of its start")


def _judge(
    answers: list[Answer], good: dict[str, str], killed: float, back: float, figures: Figures
) -> None:
    during = [a for a in answers if killed <= a.started < back]
    after = [a for a in answers if a.started >= back]
    wrong = [
        a
        for a in answers
        if not (
            (a.status == 200 and not a.code and (a.name == "search" or a.body == good[a.name]))
            or (a.status == 503 and a.code == "SERVICE_UNAVAILABLE")
        )
    ]
    assert not wrong, [
        (a.name, a.status, a.code, round(a.started - killed, 2), round(a.started - back, 2))
        for a in wrong[:8]
    ]
    slow = [a for a in during if a.ended - a.started > 2.0]
    stale = [a for a in during if a.status == 200]
    assert not [a for a in stale if a.cache not in ("hit", "stale")], (
        "a 200 in an outage is a cached one"
    )
    fresh = [a for a in after if a.status == 200 and a.name == "search"]
    assert fresh, "no fresh answer after Neo4j came back"
    recovered = min(a.ended for a in fresh) - back
    late = [a for a in after if a.started > back + 5.0 and a.status != 200]
    figures["clients"] = CLIENTS
    figures["answers_checked"] = len(answers)
    figures["answers_during_outage"] = len(during)
    figures["503_during_outage"] = sum(a.status == 503 for a in during)
    figures["cached_200_during_outage"] = len(stale)
    figures["slowest_answer_during_outage_s"] = round(max(a.ended - a.started for a in during), 3)
    figures["time_to_recover_s"] = round(recovered, 3)
    assert during, "no request met the outage"
    assert not slow, [(a.name, round(a.ended - a.started, 2)) for a in slow[:5]]
    assert recovered <= 5.0
    assert not late, [(a.name, a.status, a.code) for a in late[:5]]
