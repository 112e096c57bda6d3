"""Drill: bad loader input, through the command line (``smekg load --ontology …`` as its own
process) against a loaded database. Every variant is refused with exit status 1 and an
error naming its file and line (or the focus node and the rule), without a traceback, and the
published knowledge base is left exactly as it was."""

import shutil
from pathlib import Path

import pytest
from neo4j import Driver
from rdflib import Graph

from loaders.pipeline import load
from loaders.sources import Layout
from smekg.namespaces import SMEO
from smekg.settings import Settings
from tests.conftest import EXAMPLES, ONTOLOGY
from tests.drills.conftest import Figures
from tests.drills.processes import run_smekg

MINIMAL = EXAMPLES / "valid" / "minimal-table.ttl"
INVALID = EXAMPLES / "invalid"


def _folder(
    root: Path, kb: Path | None = MINIMAL, *, shapes: bool = True, checks: bool = True
) -> Path:
    (root / "kb").mkdir(parents=True)
    shutil.copy(ONTOLOGY / "sme.ttl", root / "sme.ttl")
    if shapes:
        shutil.copytree(ONTOLOGY / "shapes", root / "shapes")
    if checks:
        shutil.copytree(ONTOLOGY / "checks", root / "checks")
    if kb is not None:
        shutil.copy(kb, root / "kb" / kb.name)
    return root


def _state(driver: Driver, settings: Settings) -> tuple[object, ...]:
    with driver.session(database=settings.neo4j_database) as session:
        record = session.run(
            "MATCH (k:KnowledgeBase) OPTIONAL MATCH (r:Resource) RETURN k.version, k.seq, count(r)"
        ).single()
    assert record is not None
    return tuple(record.values())


def _made_up_quote(root: Path, sources: Path) -> None:
    """The minimal example, its texts in `sources`, and one quote that is not in them."""
    text = " ".join(str(q) for q in Graph().parse(MINIMAL).objects(None, SMEO.quote))
    sources.mkdir()
    (sources / "example.txt").write_text(text, encoding="utf-8")
    turtle = MINIMAL.read_text(encoding="utf-8").replace(
        'smeo:quote "Stage theory"', 'smeo:quote "Stage theory explains everything"'
    )
    (root / "kb" / MINIMAL.name).write_text(turtle, encoding="utf-8")


VARIANTS: dict[str, str] = {
    "syntax-error": "syntax-error.ttl:4: Turtle syntax error",
    "iri-with-space": "iri-with-space.ttl:17: IRI <https://w3id.org/sme-intl-kg/kb/example-src "
    "stage>",
    "integer-beyond-int64": "integer-beyond-int64.ttl:45: integer 99999999999999999999",
    "category-share-above-one": "<https://w3id.org/sme-intl-kg/kb/example-category>",
    "no-kb": "no files for the knowledge base",
    "no-shapes": "no files for the SHACL shapes",
    "no-checks": "no files for the SPARQL checks",
    "made-up-quote": "<https://w3id.org/sme-intl-kg/kb/example-src-stage> in "
    "<https://w3id.org/sme-intl-kg/kb/example-doc>: quote not found",
}


@pytest.fixture(scope="module")
def loaded(driver: Driver, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    with driver.session(database=settings.neo4j_database) as session:
        session.run("MATCH (n) WHERE NOT n:_SmekgTestDatabase DETACH DELETE n").consume()
    load(Layout(_folder(tmp_path_factory.mktemp("base"))), driver, settings.neo4j_database)
    return driver


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_bad_input_is_refused_with_where_and_nothing_changes(
    loaded: Driver, settings: Settings, tmp_path: Path, variant: str, figures: Figures
) -> None:
    root = tmp_path / "ontology"
    sources = tmp_path / "sources"
    if variant == "no-kb":
        _folder(root, None)
    elif variant in ("no-shapes", "no-checks"):
        _folder(root, shapes=variant != "no-shapes", checks=variant != "no-checks")
    elif variant == "made-up-quote":
        _folder(root)
        _made_up_quote(root, sources)
    else:
        _folder(root, INVALID / f"{variant}.ttl")
    before = _state(loaded, settings)
    status, output = run_smekg(
        settings, "load", "--force", "--ontology", str(root), "--sources", str(sources)
    )
    figures["exit_status"] = status
    assert status == 1, output
    assert VARIANTS[variant] in output, output
    assert "error:" in output
    assert "Traceback" not in output
    assert _state(loaded, settings) == before
