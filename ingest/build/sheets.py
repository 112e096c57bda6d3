"""The whole build of one contribution: the document first, then every sheet's rows in an
order where each row's references exist (names come from the first pass)."""

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from ingest.build.builder import Builder, Built, Texts
from ingest.build.cells import split_list, text_literal
from ingest.build.excerpts import Excerpts
from ingest.build.iris import compact, digest
from ingest.build.lookup import GraphLookup
from ingest.build.works import WorkResolver
from ingest.errors import InputError, InputProblemsError, Where
from ingest.matching import Decisions
from ingest.sheet.io import CodingSheet, Row
from ingest.sheet.model import Sheet
from ingest.sheet.spec import CATEGORIES, DOCUMENTS, PREDICTIONS, SHEETS, WORKS
from smekg.namespaces import CITO, KB, SMEO

CITATION_COLUMNS = {"key", "citation_id", "cited_as", "reference_entry"}
DISCUSSED = {"perspectives", "themes"}  # new ones are discussed in the sheet's document


def build_contribution(
    sheet: CodingSheet,
    lookup: GraphLookup,
    texts: Texts,
    decisions: Decisions | None = None,
    previous: Callable[[URIRef], Graph] | None = None,
    on_row: Callable[[], None] = lambda: None,
) -> Built:
    """The contribution's graph; raises InputProblemsError listing every problem found.
    `previous` gives the document's earlier contribution (when it is imported again)."""
    documents = sheet.sheet("documents")
    if len(documents) != 1:
        where = documents[1].where if len(documents) > 1 else Where(sheet.files[0], "documents")
        raise InputError("the documents sheet needs exactly one row: the document you coded", where)
    b = Builder(sheet, lookup, texts)
    document = b.subject_of(DOCUMENTS, documents[0])
    if document is None:
        raise InputProblemsError(b.errors)
    b.set_document(document)
    earlier = previous(document) if previous is not None else Graph()
    b.earlier = {s for s in earlier.subjects(RDF.type) if isinstance(s, URIRef)}  # introduced
    own = {str(w) for w in earlier.subjects(RDF.type, SMEO.Work)}
    works = WorkResolver(lookup, b.fail, decisions, own)
    b.resolve_work = works.resolve_text
    b.fetch_existing(b.register_all())
    works.plan(sheet.sheet("works"), b.existing, {str(i) for i in b.local.classes})
    for number, choice in works.choices.items():
        row = next(r for r in sheet.sheet("works") if r.number == number)
        b.subjects[("works", number)] = choice.iri
        b.local.add(choice.iri, {"Work"}, [compact(str(choice.iri))])
        for variant in choice.variants:
            b.warnings.append(f"{row.where}: {compact(str(choice.iri))}: {variant}")
    rows = _Rows(b, works)
    for spec in SHEETS:
        for row in sheet.sheet(spec.name):
            subject = b.subjects.get((spec.name, row.number))
            if subject is not None:
                rows.build(spec, row, subject)
            on_row()
    if b.errors:
        raise InputProblemsError(b.errors)
    return Built(b.graph, b.document, b.warnings)


class _Rows:
    def __init__(self, builder: Builder, works: WorkResolver) -> None:
        self.b = builder
        self.works = works
        self.excerpts = Excerpts(builder)

    def build(self, sheet: Sheet, row: Row, subject: URIRef) -> None:
        if sheet.name == "excerpts":
            self.excerpts.from_row(row, subject)
            return
        if sheet.name == "works":
            self._work(row, subject)
            return
        self.b.type_row(subject, self.b.classes_of(sheet, row))
        skip = {"items", *([sheet.class_column] if sheet.class_column else [])}
        self.b.add_columns(sheet, row, subject, skip=skip)
        if sheet is PREDICTIONS and not row.get("text") and not self.b.foreign(subject):
            self.b.add(subject, SMEO.text, Literal(""))  # a blank cell: its verbatim text is empty
        if sheet.name == "documents":
            self._document(subject)
            return
        self.excerpts.attach(row, subject)
        if sheet.name in DISCUSSED and not row.get("discussed_in") and not self.b.foreign(subject):
            self.b.add(subject, SMEO.discussedIn, self.b.document)
        if sheet is CATEGORIES:
            self._items(row, subject)

    def _document(self, subject: URIRef) -> None:
        own = self.b.texts.own
        if own is not None and self.b.texts.own_name:
            self.b.graph.set((subject, SMEO.textFile, Literal(self.b.texts.own_name)))
            self.b.graph.set((subject, SMEO.textSha256, Literal(self.b.texts.own_sha256)))

    def _work(self, row: Row, work: URIRef) -> None:
        choice = self.works.choices[row.number]
        if choice.new:
            self.b.type_row(work, WORKS.classes)
            self.b.add_columns(WORKS, row, work, skip=CITATION_COLUMNS)
        citation = KB[f"{self.b.doc_local}/cit-{str(work).removeprefix(str(KB))}"]
        if row.get("citation_id"):
            citation = self.b.resolve_id(row.get("citation_id"), row.at("citation_id")) or citation
        self.b.add(citation, RDF.type, SMEO.Citation)
        self.b.add(citation, SMEO.citingDocument, self.b.document)
        self.b.add(citation, SMEO.citedWork, work)
        for form in split_list(row.get("cited_as")):
            self.b.add(citation, SMEO.citedAs, Literal(form))
        if row.get("reference_entry"):
            self.b.add(citation, SMEO.referenceEntry, Literal(row.get("reference_entry")))
        own = self.excerpts.attach(row, citation)
        self.b.add(self.b.document, CITO.cites, work)
        if choice.variants:
            self._variant_note(row, work, own, choice.variants)

    def _variant_note(self, row: Row, work: URIRef, own: list[URIRef], variants: list[str]) -> None:
        """A year or spelling variant of a work already in the graph, as a quality note quoting
        this document's citation and an earlier one (when both have words to quote)."""
        earlier = [
            URIRef(edge["target"])
            for citation in self.b.lookup.describe([str(work)])[0]["in"]
            if citation["type"] == "citedWork"
            for described in self.b.lookup.describe([citation["source"]])
            for edge in described["out"]
            if edge["type"] == "source"
        ]
        differences = "; ".join(variants)
        if not own or not earlier:
            self.b.warnings.append(
                f"{row.where}: {compact(str(work))} matched with differences ({differences}); "
                "no quality note, for want of a quote on both sides"
            )
            return
        note = KB[f"{self.b.doc_local}/note-variant-{digest(str(work))}"]
        self.b.type_row(note, (SMEO.QualityNote,))
        self.b.add(note, SMEO.noteKind, SMEO.CitationMismatch)
        summary = (
            f"This document cites the work differently from the knowledge base: {differences}."
        )
        self.b.add(note, SMEO.summary, Literal(summary))
        self.b.add(note, SMEO.concerns, work)
        self.b.add(note, SMEO.interpretedBy, KB.project)
        for excerpt in [own[0], earlier[0]]:
            self.b.add(note, SMEO.source, excerpt)

    def _items(self, row: Row, category: URIRef) -> None:
        excerpts = [e for e in self.b.graph.objects(category, SMEO.source) if isinstance(e, URIRef)]
        for order, label in enumerate(split_list(row.get("items")), start=1):
            item = KB[f"{self.b.doc_local}/item-{digest(str(category), label)}"]
            self.b.add(item, RDF.type, SMEO.Item)
            self.b.add(item, SMEO.inCategory, category)
            self.b.add(item, SMEO.order, Literal(order))
            self.b.add(item, SKOS.prefLabel, text_literal(label, "en"))
            for excerpt in excerpts:
                self.b.add(item, SMEO.source, excerpt)
