"""Drill: readers during real writes. Six concurrent readers ask GraphQL (root and nested
fields, Table 1, an evidence chain) and the REST exports of the API (``python -m api``, its
cache on) while ``smekg load --force`` (two full loads), ``smekg import`` and ``smekg
withdraw`` (two incremental publishes) run as their own processes. Every 200 is exactly the
complete old or the complete new answer — no mix, no NOT_FOUND for what exists in both; a
503 is only the documented "update in progress" (decisions 0011 and 0013). Before the
concurrent part, each write is followed by the version TTL: an API may answer from a version
it read up to that long ago (decision 0007), so only then must its answers show the write."""

import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from smekg.settings import Settings
from tests.drills.conftest import CURATOR, Figures, Writes
from tests.drills.processes import ApiProcess, run_smekg

KB = "https://w3id.org/sme-intl-kg/kb/"
READERS = 6
TTL = 1.0  # SMEKG_VERSION_TTL of the API under test
ASKS: dict[str, tuple[str, str, object]] = {
    "chain": (
        "POST",
        "/graphql",
        {
            "query": f'{{ evidenceChain(prediction: "{KB}pred-stage-7") {{ prediction {{ text }} '
            "findings { relation finding { id summary studies { id authors year } } } } }"
        },
    ),
    "table": (
        "POST",
        "/graphql",
        {
            "query": "{ comparisonTable { columns { id label } "
            "rows { theme { id } cells { text } } } }"
        },
    ),
    "perspective": (
        "POST",
        "/graphql",
        {
            "query": f'{{ perspective(id: "{KB}persp-stage") '
            "{ label altLabels predictions { id } } }"
        },
    ),
    "csv": ("GET", f"/tables/comparison.csv?theme={KB}theme-7", None),
    "node": ("GET", f"/nodes?iri={KB}persp-stage", None),
    "works": ("GET", "/works.json", None),
}


def _ask(client: httpx.Client, name: str) -> tuple[int, str]:
    method, path, payload = ASKS[name]
    response = client.request(method, path, json=payload)
    return response.status_code, response.text


def _answers(url: str) -> dict[str, str]:
    with httpx.Client(base_url=url, timeout=60) as client:
        found = {name: _ask(client, name) for name in ASKS}
    assert all(status == 200 for status, _ in found.values()), found
    return {name: text for name, (_, text) in found.items()}


def _readers(url: str, stop: threading.Event) -> list[tuple[str, int, str]]:
    answers: list[tuple[str, int, str]] = []
    lock = threading.Lock()
    names = list(ASKS)

    def read(index: int) -> None:
        turn = index
        with httpx.Client(base_url=url, timeout=60) as client:
            while not stop.is_set():
                name = names[turn % len(names)]
                turn += 1
                status, text = _ask(client, name)
                with lock:
                    answers.append((name, status, text))

    threads = [threading.Thread(target=read, args=(i,), daemon=True) for i in range(READERS)]
    for thread in threads:
        thread.start()
    stop.wait()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def test_readers_see_the_old_or_the_new_graph_during_loads_and_imports(
    writes: Writes, settings: Settings, tmp_path: Path, figures: Figures
) -> None:
    write_import, write_withdraw = writes.import_args, writes.withdraw_args
    with ApiProcess(settings, tmp_path / "api.log", {"SMEKG_VERSION_TTL": str(TTL)}) as api:
        old = _answers(api.url)
        status, output = run_smekg(settings, *write_import, **CURATOR)
        assert status == 0, output
        time.sleep(TTL)
        new = _answers(api.url)
        status, output = run_smekg(settings, *write_withdraw, **CURATOR)
        assert status == 0, output
        time.sleep(TTL)
        assert _answers(api.url) == old, "a withdrawal restores every answer"
        changed = {name for name in ASKS if old[name] != new[name]}
        assert {"chain", "perspective", "works"} <= changed
        stop = threading.Event()
        answers: list[tuple[str, int, str]] = []
        collector = threading.Thread(target=lambda: answers.extend(_readers(api.url, stop)))
        collector.start()
        sequence = [writes.load_args, write_import, writes.load_args, write_withdraw]
        started = time.monotonic()
        try:
            for write in sequence:
                status, output = run_smekg(settings, *write, **CURATOR)
                assert status == 0, output
                assert "Traceback" not in output
                time.sleep(1.0)
        finally:
            stop.set()
            collector.join(timeout=120)
        seconds = time.monotonic() - started
        assert "Traceback" not in api.output()
    outcomes = Counter(
        (name, status, "old" if text == old[name] else "new" if text == new[name] else "MIX")
        for name, status, text in answers
    )
    mixes = [(n, s, t[:300]) for n, s, t in answers if s == 200 and t not in (old[n], new[n])]
    refused = [(n, s, t[:300]) for n, s, t in answers if s != 200]
    figures["readers"] = READERS
    figures["full_loads"] = 2
    figures["incremental_publishes"] = 2
    figures["answers_checked"] = len(answers)
    figures["old"] = sum(c for (_, s, w), c in outcomes.items() if s == 200 and w == "old")
    figures["new"] = sum(c for (_, s, w), c in outcomes.items() if s == 200 and w == "new")
    figures["mixes"] = len(mixes)
    figures["503_update_in_progress"] = len(refused)
    figures["seconds"] = round(seconds, 1)
    assert not mixes, mixes[:3]
    assert all(s == 503 and "update in progress" in t for _, s, t in refused), refused[:3]
    assert len(refused) * 10 <= len(answers), refused[:3]
    assert len(answers) >= 100
    assert figures.values["old"] > 0
    assert figures.values["new"] > 0
