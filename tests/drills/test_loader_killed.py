"""Drill: the loader killed (SIGKILL) at several moments, and two loads at once — all as real
``smekg load`` processes against the test Neo4j.

Moments: while it validates under the writer lock (nothing written yet), while it stages
(new nodes under :_Staging), and inside the swap (``seq`` odd). After a kill before the swap
the published knowledge base is the old one, exactly; after a kill inside it every reader is
held off (the state readers pin says a swap is in progress: docs/decisions/0032), and the next
load finishes the dead one's swap, so its knowledge base is published whole. Two loads
started together: one waits for the other (and says so), both succeed, neither prints a
traceback; with ``--no-wait`` the second is refused in one line.
"""

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from neo4j import Driver

from loaders.pipeline import export_graph, load
from loaders.sources import Layout
from queries import query
from smekg.kb_state import state_of
from smekg.settings import Settings
from tests.conftest import ONTOLOGY
from tests.drills.conftest import Figures
from tests.drills.processes import run_smekg, smekg
from tests.rdf_compare import assert_isomorphic

Probe = Callable[[Driver, Settings], bool]


def _scalar(driver: Driver, settings: Settings, cypher: str) -> object:
    with driver.session(database=settings.neo4j_database) as session:
        record = session.run(cypher).single()
    return None if record is None else record[0]


def _readers_held_off(driver: Driver, settings: Settings) -> bool:
    with driver.session(database=settings.neo4j_database) as session:
        state = state_of(session.run(query("get_kb_state")).single(strict=True).data())
    return not state.stable


def _locked(driver: Driver, settings: Settings) -> bool:
    held = _scalar(
        driver,
        settings,
        "SHOW TRANSACTIONS YIELD metaData WHERE metaData.smekg = 'writer' RETURN count(*)",
    )
    return bool(held)


def _staging(driver: Driver, settings: Settings) -> bool:
    return bool(_scalar(driver, settings, "MATCH (n:_Staging) RETURN count(n) > 100"))


def _publishing(driver: Driver, settings: Settings) -> bool:
    return bool(_scalar(driver, settings, "MATCH (k:KnowledgeBase) RETURN k.seq % 2 = 1"))


MOMENTS: dict[str, Probe] = {
    "validating": _locked,
    "staging": _staging,
    "publishing": _publishing,
}


def _kill_when(process: subprocess.Popen[str], probe: Probe, driver: Driver, s: Settings) -> bool:
    """SIGKILL the process as soon as `probe` holds (polled every 10 ms); False if it ended
    first."""
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if probe(driver, s):
            os.kill(process.pid, signal.SIGKILL)
            process.communicate(timeout=60)
            return True
        time.sleep(0.01)
    process.communicate(timeout=60)
    return False


def test_a_loader_killed_at_any_moment_leaves_readers_no_mix(
    clean_db: Driver, settings: Settings, tmp_path: Path, figures: Figures
) -> None:
    minimal = ONTOLOGY / "examples" / "valid" / "minimal-table.ttl"
    small = tmp_path / "small"
    (small / "kb").mkdir(parents=True)
    for part in ("sme.ttl",):
        (small / part).write_bytes((ONTOLOGY / part).read_bytes())
    for folder in ("shapes", "checks"):
        (small / folder).mkdir()
        for path in (ONTOLOGY / folder).iterdir():
            (small / folder / path.name).write_bytes(path.read_bytes())
    (small / "kb" / minimal.name).write_bytes(minimal.read_bytes())
    load(Layout(small), clean_db, settings.neo4j_database)
    old = export_graph(clean_db, settings.neo4j_database)
    hit: dict[str, bool] = {}
    for moment, probe in MOMENTS.items():
        process = smekg(settings, "load", "--force", "--ontology", str(ONTOLOGY))
        hit[moment] = _kill_when(process, probe, clean_db, settings)
        if moment == "publishing":
            assert _readers_held_off(clean_db, settings)
        else:
            assert_isomorphic(old, export_graph(clean_db, settings.neo4j_database))
    figures["moments_killed"] = sorted(m for m, was in hit.items() if was)
    assert hit == dict.fromkeys(MOMENTS, True), hit
    status, output = run_smekg(settings, "load", "--ontology", str(ONTOLOGY))
    assert status == 0, output
    assert "Traceback" not in output
    assert (
        _scalar(clean_db, settings, "MATCH (n) WHERE n:_Staging OR n:_Retired RETURN count(n)") == 0
    )
    assert _scalar(clean_db, settings, "MATCH (k:KnowledgeBase) RETURN k.seq % 2") == 0
    assert len(export_graph(clean_db, settings.neo4j_database)) > len(old)


def test_two_loads_at_once_one_waits(
    clean_db: Driver, settings: Settings, figures: Figures
) -> None:
    load(Layout(ONTOLOGY), clean_db, settings.neo4j_database)
    first = smekg(settings, "load", "--force")
    while not _locked(clean_db, settings) and first.poll() is None:
        time.sleep(0.01)
    second = smekg(settings, "load", "--force")
    refused_status, refused = run_smekg(settings, "load", "--force", "--no-wait")
    first_out = first.communicate(timeout=600)
    second_out = second.communicate(timeout=600)
    outputs = ["".join(first_out), "".join(second_out), refused]
    figures["loads_at_once"] = 3
    assert first.returncode == 0, outputs[0]
    assert second.returncode == 0, outputs[1]
    assert "waiting for another write to finish" in outputs[1]
    assert refused_status == 1, refused
    assert "another write of the knowledge base is in progress" in refused
    assert next(line for line in refused.splitlines() if line.strip()).startswith("error:")
    assert not [o for o in outputs if "Traceback" in o], outputs
