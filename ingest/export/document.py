"""`smekg export-sheet DOCUMENT…`: every statement of each document as rows of the coding
sheet, so that importing the sheets in the same order into a knowledge base without them
gives them back (ingest/export/assign.py says which sheet holds what)."""

from collections import Counter

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from ingest.build.cells import join_list
from ingest.build.iris import compact
from ingest.export.assign import Assignment, assign
from ingest.export.rows import ExportError, check_covered, statement_row
from ingest.sheet.spec import DOCUMENTS, EXCERPTS, SHEETS, WORKS
from loaders.sources import Layout, parse_file
from smekg.namespaces import CITO, SMEO

Rows = dict[str, list[dict[str, str]]]
STATEMENT_SHEETS = [s for s in SHEETS if s not in (DOCUMENTS, WORKS, EXCERPTS)]
CITATION = {
    RDF.type,
    SMEO.citingDocument,
    SMEO.citedWork,
    SMEO.citedAs,
    SMEO.referenceEntry,
    SMEO.source,
}
EXCERPT_FIELDS = (
    ("quote", SMEO.quote),
    ("locator", SMEO.locator),
    ("section", SMEO.section),
    ("table", SMEO.table),
    ("page", SMEO.page),
)


def required_predicates(layout: Layout) -> set[URIRef]:
    """What the shapes require of a statement (sh:minCount >= 1), its excerpts aside: a
    statement whose required value a later sheet introduces is written in that sheet."""
    shapes = Graph()
    for path in layout.shape_files:
        parse_file(path, into=shapes)
    required = {
        path
        for shape, count in shapes.subject_objects(SH.minCount)
        if isinstance(count, Literal) and int(count) >= 1
        for path in shapes.objects(shape, SH.path)
        if isinstance(path, URIRef)
    }
    return required - {SMEO.source}


class _Sheet:
    """The rows of the document at `index` in the export order."""

    def __init__(self, graph: Graph, assignment: Assignment, index: int) -> None:
        self.full = graph
        self.assignment = assignment
        self.index = index
        self.document = assignment.order[index]
        self.view = self._view()
        self.rows: Rows = {s.name: [] for s in SHEETS}
        self.users = Counter(x for _, x in graph.subject_objects(SMEO.source))
        self.shared: list[URIRef] = []

    def _view(self) -> Graph:
        """This sheet's triples: its own nodes' (without values a later sheet introduces) and
        earlier nodes' values that this sheet introduces."""
        view = Graph()
        index = self.assignment.index
        for s, p, o in self.full:
            own, target = index(s), index(o)
            if own == self.index and (target is None or target <= self.index):
                view.add((s, p, o))
            elif own is not None and own < self.index and target == self.index:
                view.add((s, p, o))
                for t in self.full.objects(s, RDF.type):
                    view.add((s, RDF.type, t))
        return view

    def owns(self, node: URIRef) -> bool:
        return self.assignment.index(node) == self.index

    def excerpt_fields(self, excerpt: URIRef) -> dict[str, str]:
        fields = {
            k: str(v)
            for k, p in EXCERPT_FIELDS
            for v in [self.view.value(excerpt, p)]
            if v is not None
        }
        document = self.view.value(excerpt, SMEO.inDocument)
        if document is None:
            raise ExportError(f"<{excerpt}> stands in a document not yet exported")
        if document != self.document:
            fields["document"] = compact(str(document))
        check_covered(
            self.view,
            excerpt,
            {RDF.type, SMEO.inDocument, *(p for _, p in EXCERPT_FIELDS)},
            "excerpts",
        )
        return fields

    def attach_excerpts(self, row: dict[str, str], subject: URIRef) -> None:
        excerpts = sorted(
            x for x in self.view.objects(subject, SMEO.source) if isinstance(x, URIRef)
        )
        own = next((x for x in excerpts if self.users[x] == 1 and self.owns(x)), None)
        if own is not None:
            row |= {"excerpt_id": compact(str(own)), **self.excerpt_fields(own)}
        others = [x for x in excerpts if x != own]
        if others:
            row["sources"] = join_list([compact(str(x)) for x in others])
        self.shared += [x for x in others if self.owns(x)]

    def document_row(self) -> None:
        row, covered = statement_row(self.view, self.document, DOCUMENTS, extra={CITO.cites})
        check_covered(self.view, self.document, covered, "documents")
        self.rows["documents"].append(row)

    def work_rows(self) -> None:
        for citation in self.assignment.citations.get(self.index, []):
            work = self.full.value(citation, SMEO.citedWork)
            assert isinstance(work, URIRef)
            row = {"id": compact(str(work))}
            if self.owns(work):
                skip = {"key", "citation_id", "cited_as", "reference_entry"}
                row, covered = statement_row(self.view, work, WORKS, skip=skip)
                check_covered(self.view, work, covered, "works")
            row["citation_id"] = compact(str(citation))
            row["cited_as"] = join_list(
                sorted(str(f) for f in self.view.objects(citation, SMEO.citedAs))
            )
            entry = self.view.value(citation, SMEO.referenceEntry)
            if entry is not None:
                row["reference_entry"] = str(entry)
            self.attach_excerpts(row, citation)
            check_covered(self.view, citation, CITATION, "works")
            self.rows["works"].append(row)

    def statement_rows(self) -> None:
        for sheet in STATEMENT_SHEETS:
            subjects = {
                s
                for cls in sheet.classes
                for s in self.view.subjects(RDF.type, cls)
                if isinstance(s, URIRef) and self.assignment.index(s) is not None
            }
            for subject in sorted(subjects):
                row, covered = statement_row(self.view, subject, sheet, skip={"items"})
                self.attach_excerpts(row, subject)
                check_covered(self.view, subject, covered | {SMEO.source}, sheet.name)
                self.rows[sheet.name].append(row)

    def excerpt_rows(self) -> None:
        for excerpt in sorted(set(self.shared)):
            self.rows["excerpts"].append(
                {"id": compact(str(excerpt)), **self.excerpt_fields(excerpt)}
            )


def export_documents(graph: Graph, order: list[URIRef], required: set[URIRef]) -> list[Rows]:
    """The coding-sheet rows of each document, for importing in this order (`required`: the
    predicates a statement cannot do without); raises ExportError for what a sheet cannot
    hold."""
    for document in order:
        if (document, RDF.type, SMEO.SourceDocument) not in graph:
            raise ExportError(
                f"{compact(str(document))} is not a source document of the knowledge base"
            )
    classes = {c for s in (*STATEMENT_SHEETS, WORKS) for c in s.classes} | {SMEO.Citation}
    assignment = assign(graph, order, classes, required)
    result = []
    for index in range(len(order)):
        sheet = _Sheet(graph, assignment, index)
        sheet.document_row()
        sheet.work_rows()
        sheet.statement_rows()
        sheet.excerpt_rows()
        result.append({name: rows for name, rows in sheet.rows.items() if rows})
    return result
