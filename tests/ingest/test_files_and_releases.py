"""Files stay the truth: a reload serves exactly what was imported; a PDF text works like a
plain one; a release versions the ontology, writes its changelog, dumps, RO-Crate metadata
and citation file, and the API says which release it serves."""

import hashlib
import json
from pathlib import Path

import httpx
import pytest
from fpdf import FPDF
from rdflib import Graph, Literal

from ingest.errors import InputError
from ingest.release import release
from loaders.manifest import read_manifest
from loaders.pipeline import load
from loaders.sources import parse_files
from loaders.writer import writer_session
from smekg.history import read_releases
from smekg.namespaces import KB, SMEO
from tests.conftest import graphql
from tests.ingest.conftest import CURATOR, KnowledgeBase, novak_request
from tests.rdf_compare import assert_isomorphic


def test_a_reload_serves_exactly_what_was_imported(kb: KnowledgeBase, novak: Path) -> None:
    kb.import_sheet(novak_request(novak))
    imported = kb.graph()
    report = load(kb.layout, kb.driver, kb.settings.neo4j_database, force=True)
    assert not report.skipped
    assert_isomorphic(imported, kb.graph())
    assert_isomorphic(parse_files(kb.layout.data_files), kb.graph())


def test_the_text_may_be_a_pdf(kb: KnowledgeBase, novak: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in (novak / "novak2019.txt").read_text().splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(novak / "novak2019.pdf"))
    kb.import_sheet(novak_request(novak, text=novak / "novak2019.pdf"))
    graph = kb.graph()
    document = KB["doc-fixture-novak2019"]
    assert (document, SMEO.textFile, Literal("novak2019.pdf")) in graph
    sha = hashlib.sha256((novak / "novak2019.pdf").read_bytes()).hexdigest()
    assert (document, SMEO.textSha256, Literal(sha)) in graph


def test_a_release_is_cut_and_served(
    kb: KnowledgeBase, novak: Path, tmp_path: Path, client: httpx.Client
) -> None:
    kb.import_sheet(novak_request(novak))
    out = tmp_path / "dist"
    with writer_session(kb.driver, kb.settings.neo4j_database) as writer:
        released = release(writer, kb.layout, "1.0.0", out, CURATOR.name)
    folder = out / "1.0.0"
    assert released.folder == folder
    ontology = (kb.layout.root / "sme.ttl").read_text()
    assert 'owl:versionInfo "1.0.0"' in ontology
    assert "owl:versionIRI <https://w3id.org/sme-intl-kg/ontology/1.0.0>" in ontology
    (record,) = read_releases(kb.layout.releases_file)
    assert record.id == read_manifest(kb.layout).content_id
    changelog = (kb.layout.root / "CHANGELOG.md").read_text()
    assert "## 1.0.0" in changelog
    assert "import kb:doc-fixture-novak2019 by Test Curator" in changelog
    assert_isomorphic(parse_files(kb.layout.data_files), Graph().parse(folder / "kb.ttl"))
    assert len(Graph().parse(folder / "kb.jsonld", format="json-ld")) == len(
        parse_files(kb.layout.data_files)
    )
    assert (folder / "csv" / "doc-fixture-novak2019.findings.csv").is_file()
    crate = json.loads((folder / "ro-crate-metadata.json").read_text())
    files = {e["@id"]: e for e in crate["@graph"] if e.get("@type") == "File"}
    assert "kb.ttl" in files
    for name, entry in files.items():
        assert entry["sha256"] == hashlib.sha256((folder / name).read_bytes()).hexdigest()
    assert 'version: "1.0.0"' in (folder / "CITATION.cff").read_text()
    served = graphql(client, "{ knowledgeBase { release latestRelease } }")
    assert served == {"data": {"knowledgeBase": {"release": "1.0.0", "latestRelease": "1.0.0"}}}
    with (
        writer_session(kb.driver, kb.settings.neo4j_database) as writer,
        pytest.raises(InputError, match=r"not after the latest release 1\.0\.0"),
    ):
        release(writer, kb.layout, "0.9.0", out, CURATOR.name)
