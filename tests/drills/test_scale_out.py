"""Drill: the API scaled out against one Neo4j — two instances (``python -m api`` twice) and
one of ``SMEKG_WORKERS=2`` processes — while a real import and withdrawal publish. Each
instance's cache follows the knowledge base within its version TTL; once an instance has
answered the new graph it never answers the old again; ETags agree across instances (an
ETag from one is a 304 at another) and change with the knowledge base."""

import time
from pathlib import Path

import httpx

from smekg.settings import Settings
from tests.drills.conftest import CURATOR, Figures, Writes
from tests.drills.processes import ApiProcess, run_smekg

KB = "https://w3id.org/sme-intl-kg/kb/"
CHAIN = {
    "query": f'{{ evidenceChain(prediction: "{KB}pred-stage-7") '
    "{ findings { finding { id summary } } } }"
}
TTL = 1.0


def _ask(client: httpx.Client) -> httpx.Response:
    response = client.post("/graphql", json=CHAIN)
    assert response.status_code == 200, response.text
    return response


def _follow(urls: list[str], old: str, new: str, deadline_s: float) -> dict[str, float]:
    """Poll every instance until each answers `new`; seconds each took. Fails on a third
    answer, or on `old` after `new` from the same instance."""
    started = time.monotonic()
    took: dict[str, float] = {}
    with httpx.Client(timeout=60) as client:
        while len(took) < len(urls):
            assert time.monotonic() - started < deadline_s, took
            for url in urls:
                text = client.post(f"{url}/graphql", json=CHAIN).text
                assert text in (old, new), text[:300]
                if url in took:
                    assert text == new, f"{url} went back to the old answer"
                elif text == new:
                    took[url] = time.monotonic() - started
            time.sleep(0.05)
    return took


def test_instances_and_workers_follow_writes(
    writes: Writes, settings: Settings, tmp_path: Path, figures: Figures
) -> None:
    ttl = {"SMEKG_VERSION_TTL": str(TTL)}
    with (
        ApiProcess(settings, tmp_path / "a.log", ttl) as a,
        ApiProcess(settings, tmp_path / "b.log", ttl) as b,
        ApiProcess(settings, tmp_path / "c.log", {**ttl, "SMEKG_WORKERS": "2"}) as c,
    ):
        children = Path(f"/proc/{c.pid}/task/{c.pid}/children").read_text().split()
        # uvicorn's workers, not multiprocessing's resource tracker (also a child of it)
        workers = [
            pid for pid in children if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
        ]
        urls = [a.url, b.url, c.url]
        with httpx.Client(timeout=60) as client:
            first = [_ask(httpx.Client(base_url=u, timeout=60)) for u in urls]
            old = first[0].text
            assert {r.text for r in first} == {old}
            etag = first[0].headers["etag"]
            for url in urls[1:]:
                again = client.post(f"{url}/graphql", json=CHAIN, headers={"If-None-Match": etag})
                assert again.status_code == 304
        status, output = run_smekg(settings, *writes.import_args, **CURATOR)
        assert status == 0, output
        time.sleep(TTL)  # the version a answered from may be up to TTL old
        with httpx.Client(timeout=60) as client:
            new = client.post(f"{a.url}/graphql", json=CHAIN).text
        assert new != old
        imported = _follow(urls, old, new, deadline_s=TTL + 10)
        with httpx.Client(timeout=60) as client:
            fresh = [client.post(f"{u}/graphql", json=CHAIN) for u in urls]
            assert len({r.headers["etag"] for r in fresh}) == 1
            assert fresh[0].headers["etag"] != etag
            stale = client.post(f"{b.url}/graphql", json=CHAIN, headers={"If-None-Match": etag})
            assert stale.status_code == 200
        status, output = run_smekg(settings, *writes.withdraw_args, **CURATOR)
        assert status == 0, output
        withdrawn = _follow(urls, new, old, deadline_s=TTL + 10)
        logs = a.output() + b.output() + c.output()
    figures["instances"] = 3
    figures["workers_of_the_third"] = len(workers)
    figures["seconds_to_follow_import"] = {u[-5:]: round(t, 2) for u, t in imported.items()}
    figures["seconds_to_follow_withdrawal"] = {u[-5:]: round(t, 2) for u, t in withdrawn.items()}
    assert len(workers) == 2
    assert "Traceback" not in logs
