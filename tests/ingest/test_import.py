"""Importing a coded document into a real Neo4j: it lands as its own file with provenance,
joins the graph incrementally (a new work, a known one, an alias, findings on an existing
prediction), and can be replaced, dry-run and withdrawn again — leaving the knowledge base as
it was."""

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from ingest.errors import InputError
from ingest.files import contribution_path
from ingest.withdrawing import withdraw
from loaders.sources import parse_file
from loaders.writer import writer_session
from smekg.history import read_history
from smekg.namespaces import KB, SMEO
from tests.ingest.conftest import CURATOR, KnowledgeBase, novak_request
from tests.rdf_compare import assert_isomorphic

DOC = KB["doc-fixture-novak2019"]


def test_an_import_adds_the_document_and_nothing_else(kb: KnowledgeBase, novak: Path) -> None:
    before = kb.graph()
    outcome = kb.import_sheet(novak_request(novak))
    after = kb.graph()
    added = after - before
    assert (DOC, RDF.type, SMEO.SourceDocument) in after
    assert (KB["persp-stage"], SKOS.altLabel, Literal("gradualist stage model", lang="en")) in after
    assert (
        KB["work-novak2015"],
        DCTERMS.title,
        Literal("Fictional exporters of Ruritania"),
    ) in after
    findings = set(after.subjects(SMEO.supportsPrediction, KB["pred-stage-7"])) - set(
        before.subjects(SMEO.supportsPrediction, KB["pred-stage-7"])
    )
    assert len(findings) == 1
    burgel = set(after.subjects(SMEO.aboutStudy, KB["work-burgel2001"]))
    assert len(burgel) == 2, "the known work is matched, not duplicated"
    assert not before - after, "an import only adds"
    path = contribution_path(kb.layout, "doc-fixture-novak2019")
    assert_isomorphic(parse_file(path), added)  # the file holds exactly what the graph gained
    record = read_history(kb.layout.history_file)[-1]
    assert (record.action, record.document, record.curator) == ("import", str(DOC), "Test Curator")
    assert outcome.version is not None
    assert outcome.version.id == record.id


def test_the_contribution_carries_its_provenance(kb: KnowledgeBase, novak: Path) -> None:
    kb.import_sheet(novak_request(novak))
    graph = parse_file(contribution_path(kb.layout, "doc-fixture-novak2019"))
    activity = KB["doc-fixture-novak2019/contribution"]
    assert (activity, SMEO.contributes, DOC) in graph
    curator = graph.value(activity, PROV.wasAssociatedWith)
    assert str(graph.value(curator, SMEO.orcid)) == CURATOR.orcid
    roles = {str(graph.value(f, SMEO.fileRole)) for f in graph.objects(activity, PROV.used)}
    assert roles == {"sheet", "bibliography", "text"}
    assert graph.value(activity, PROV.endedAtTime) is not None
    excerpts = set(graph.subjects(RDF.type, SMEO.SourceExcerpt))
    assert all(graph.value(x, SMEO.quotePrefix) is not None for x in excerpts)


def test_a_dry_run_writes_nothing(kb: KnowledgeBase, novak: Path) -> None:
    files, graph = kb.files(), kb.graph()
    outcome = kb.import_sheet(novak_request(novak, dry_run=True))
    assert outcome.plan is not None
    assert {c.kind for c in outcome.plan.changes} >= {"Finding", "Work", "Perspective"}
    assert kb.files() == files
    assert_isomorphic(graph, kb.graph())


def test_importing_the_same_contribution_again_changes_nothing(
    kb: KnowledgeBase, novak: Path
) -> None:
    kb.import_sheet(novak_request(novak))
    files, graph = kb.files(), kb.graph()
    outcome = kb.import_sheet(novak_request(novak))
    assert outcome.unchanged
    assert kb.files() == files
    assert_isomorphic(graph, kb.graph())


def test_a_changed_contribution_needs_replace_and_then_replaces(
    kb: KnowledgeBase, novak: Path
) -> None:
    kb.import_sheet(novak_request(novak))
    findings = novak / "novak2019.findings.csv"
    findings.write_text(findings.read_text().replace("(fictional fixture)", "(fictional, revised)"))
    files = kb.files()
    with pytest.raises(InputError, match="use --replace"):
        kb.import_sheet(novak_request(novak))
    assert kb.files() == files
    outcome = kb.import_sheet(novak_request(novak, replace=True))
    assert outcome.plan is not None
    changed = sorted((c.op, c.kind) for c in outcome.plan.changes)
    assert changed == [("added", "Finding"), ("removed", "Finding")]
    summaries = {str(s) for s in kb.graph().objects(None, SMEO.summary)}
    assert "Exporters grew their sales faster than non-exporters (fictional, revised)." in summaries
    assert (
        "Exporters grew their sales faster than non-exporters (fictional fixture)." not in summaries
    )


def test_withdrawing_leaves_the_knowledge_base_as_it_was(kb: KnowledgeBase, novak: Path) -> None:
    files, graph = kb.files(), kb.graph()
    kb.import_sheet(novak_request(novak))
    with writer_session(kb.driver, kb.settings.neo4j_database) as writer:
        outcome = withdraw(writer, kb.layout, DOC, CURATOR.name)
    assert outcome.plan is not None
    assert_isomorphic(graph, kb.graph())
    after = kb.files()
    assert {k: v for k, v in after.items() if k != "history.jsonl"} == files
    actions = [r.action for r in read_history(kb.layout.history_file)]
    assert actions[-2:] == ["import", "withdraw"]


def test_withdrawing_keeps_a_work_another_document_cites(kb: KnowledgeBase, novak: Path) -> None:
    kb.import_sheet(novak_request(novak))
    second = novak.parent / "second"
    second.mkdir()
    for name in ("documents", "works"):
        text = (novak / f"novak2019.{name}.csv").read_text()
        text = text.replace("doc-fixture-novak2019", "doc-fixture-second")
        (second / f"second.{name}.csv").write_text(text)
    kb.import_sheet(
        novak_request(
            novak, sheet=second / "second.csv", bibliography=None, text=novak / "novak2019.txt"
        )
    )
    with writer_session(kb.driver, kb.settings.neo4j_database) as writer:
        withdraw(writer, kb.layout, DOC, CURATOR.name)
    graph = kb.graph()
    assert (KB["work-novak2015"], RDF.type, SMEO.Work) in graph
    assert (DOC, RDF.type, SMEO.SourceDocument) not in graph
    kept = parse_file(kb.layout.contributions_dir / "_kept-works.ttl")
    assert (
        KB["work-novak2015"],
        DCTERMS.title,
        Literal("Fictional exporters of Ruritania"),
    ) in kept


def test_seed_documents_cannot_be_withdrawn(kb: KnowledgeBase) -> None:
    with (
        writer_session(kb.driver, kb.settings.neo4j_database) as writer,
        pytest.raises(InputError, match="no contribution file"),
    ):
        withdraw(writer, kb.layout, KB["doc-wright2007"], CURATOR.name)


def test_a_known_iri_stays_one_node(kb: KnowledgeBase, novak: Path) -> None:
    kb.import_sheet(novak_request(novak))
    works = {s for s in kb.graph().subjects(RDF.type, SMEO.Work) if "burgel" in str(s)}
    assert works == {URIRef(KB["work-burgel2001"])}
