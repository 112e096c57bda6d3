"""Asked for IRIs, a query reads through the :Resource(iri) index and scans no label, and
answers what its "all" path answers for those IRIs (docs/decisions/0010).

The plan is checked under PROFILE by operator rows, not time: a label scan that produced
rows on the IRI path means the query's cost grows with the graph, not with the answer.
"""

from typing import Any, LiteralString

import pytest
from neo4j import Driver

from queries import query
from smekg.settings import Settings

KB = "https://w3id.org/sme-intl-kg/kb/"
NO_STUDY_FILTERS = {
    "search": None,
    "yearFrom": None,
    "yearTo": None,
    "citedBy": None,
    "citedByAll": None,
    "skip": 0,
    "limit": 1000,
}
# query name -> (parameters besides $iris, the local name of an IRI it must find)
CASES: dict[str, tuple[dict[str, Any], str]] = {
    "get_findings": ({}, "finding-westhead2002-1"),
    "get_documents": ({}, "doc-wright2007"),
    "get_predictions": ({"perspective": None, "theme": None, "stance": None}, "pred-stage-7"),
    "get_studies": (NO_STUDY_FILTERS, "work-westhead2004a"),
    "get_perspectives": ({"family": None}, "persp-stage"),
    "get_themes": ({}, "theme-1"),
    "get_categories": ({"factor": None, "minShare": None}, "cat-triggering-market-demands"),
}


SCANS = ("LabelScan", "AllNodesScan")  # NodeByLabelScan, UnionNodeByLabelsScan, …, AllNodesScan


def _scanned(plan: dict[str, Any]) -> list[str]:
    """Scan operators of the plan (by label, or of every node) that produced rows."""
    found = []
    operator = str(plan.get("operatorType", ""))
    if any(scan in operator for scan in SCANS) and plan.get("rows", 0):
        found.append(f"{plan['operatorType']} ({plan.get('args', {}).get('Details', '')})")
    for child in plan.get("children", []) or []:
        found += _scanned(child)
    return found


def _iris(rows: list[dict[str, Any]]) -> set[str]:
    out = set()
    for record in rows:
        if "rows" in record:  # get_studies: one record holding the page
            out |= {row["iri"] for row in record["rows"]}
        else:
            out.add(record["row"]["iri"])
    return out


def _run(driver: Driver, database: str, text: LiteralString, params: dict[str, Any]) -> Any:
    with driver.session(database=database) as session:
        result = session.run(text, params)
        rows = [r.data() for r in result]
        return rows, result.consume().profile


@pytest.mark.parametrize("name", sorted(CASES))
def test_iri_lookup_seeks_and_agrees_with_the_full_list(
    loaded_db: Driver, settings: Settings, name: str
) -> None:
    extra, local = CASES[name]
    iri = KB + local
    db = settings.neo4j_database
    one, plan = _run(loaded_db, db, "PROFILE " + query(name), {**extra, "iris": [iri, iri]})
    assert _iris(one) == {iri}, f"{name} did not find {iri} exactly once"
    assert _scanned(plan) == [], f"{name} scanned a label for one IRI: {_scanned(plan)}"
    if "$iris IS NULL" in query(name):  # get_findings has no "all" path
        everything, _ = _run(loaded_db, db, query(name), {**extra, "iris": None})
        assert iri in _iris(everything)
        assert len(_iris(everything)) > 1


def test_the_scan_detector_sees_label_and_all_node_scans(
    loaded_db: Driver, settings: Settings
) -> None:
    db = settings.neo4j_database
    _, by_label = _run(loaded_db, db, "PROFILE MATCH (n:Theme) RETURN n.iri", {})
    _, every = _run(loaded_db, db, "PROFILE MATCH (n) WHERE n.iri = $iri RETURN n", {"iri": KB})
    _, seek = _run(loaded_db, db, "PROFILE MATCH (n:Resource {iri: $iri}) RETURN n", {"iri": KB})
    assert [s.split("@")[0].split(" ")[0] for s in _scanned(by_label)] == ["NodeByLabelScan"]
    assert [s.split("@")[0].split(" ")[0] for s in _scanned(every)] == ["AllNodesScan"]
    assert _scanned(seek) == []


def test_evidence_chain_seeks_its_prediction(loaded_db: Driver, settings: Settings) -> None:
    params = {"prediction": KB + "pred-stage-7"}
    rows, plan = _run(
        loaded_db, settings.neo4j_database, "PROFILE " + query("get_evidence_chain"), params
    )
    assert [r["prediction"] for r in rows] == [KB + "pred-stage-7"]
    assert _scanned(plan) == []


@pytest.mark.parametrize(
    ("name", "params", "key", "wanted"),
    [
        (
            "get_predictions",
            {"iris": None, "perspective": None, "theme": KB + "theme-1", "stance": None},
            "theme",
            KB + "theme-1",
        ),
        (
            "get_predictions",
            {"iris": None, "perspective": KB + "persp-stage", "theme": None, "stance": None},
            "perspective",
            KB + "persp-stage",
        ),
        (
            "get_categories",
            {"iris": None, "factor": KB + "factor-triggering", "minShare": None},
            "factor",
            KB + "factor-triggering",
        ),
    ],
)
def test_filter_by_node_starts_from_that_node(
    loaded_db: Driver, settings: Settings, name: str, params: dict[str, Any], key: str, wanted: str
) -> None:
    rows, plan = _run(loaded_db, settings.neo4j_database, "PROFILE " + query(name), params)
    found = [r["row"][key] for r in rows]
    assert found
    assert {f if isinstance(f, str) else f["iri"] for f in found} == {wanted}
    assert _scanned(plan) == [], f"{name} scanned a label: {_scanned(plan)}"
