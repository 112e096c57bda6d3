"""Rows -> the contribution's RDF graph, in two passes: first every row gets its subject and
names (so rows can refer to each other in any order), then each row's cells become triples.
Every problem is collected with its file:sheet:row:column and raised together."""

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ingest.build.cells import decimal_literal, integer_literal, split_list, text_literal
from ingest.build.iris import compact, digest, parse_iri, slug
from ingest.build.lookup import GraphLookup
from ingest.build.names import NameIndex
from ingest.errors import InputError, Where
from ingest.sheet.io import CodingSheet, Row
from ingest.sheet.model import Column, Kind, Sheet
from ingest.sheet.spec import SHEETS
from loaders.mapping import key_for
from smekg.namespaces import KB, PREFIXES, SMEO
from smekg.quotes import SourceText

# Columns whose cells identify a new statement: its minted IRI is a hash of them.
IDENTITY = {
    "excerpts": ("document", "quote", "locator"),
    "alignments": ("from", "to"),
    "predictions": ("perspective", "theme"),
    "categories": ("factor", "category"),
    "items": ("category", "label"),
    "findings": ("study", "quote", "summary"),
    "quality_notes": ("kind", "quote", "summary"),
    "implications": ("kind", "quote", "label"),
}
# The classes a reference by name may point to (works have their own matcher).
REFERABLE = frozenset(
    key_for(t)
    for sheet in SHEETS
    for column in sheet.columns
    for t in column.targets
    if t != SMEO.Work
)
GLOBAL = {"perspectives", "themes", "factors"}  # new ones are shared vocabulary: kb:<slug>
NAMED_BY = ("label", "aliases", "category", "key")


@dataclass
class Texts:
    """The texts quotes are checked against: the contribution's own, and other documents'."""

    own: SourceText | None
    others: Callable[[URIRef], SourceText | None]
    own_name: str | None = None  # the own text's file name and SHA-256, recorded on the document
    own_sha256: str | None = None


@dataclass
class Built:
    graph: Graph
    document: URIRef
    warnings: list[str] = field(default_factory=list)


class Builder:
    """The contribution being built: its graph, its problems, and the names it can resolve."""

    def __init__(self, sheet: CodingSheet, lookup: GraphLookup, texts: Texts) -> None:
        self.sheet = sheet
        self.lookup = lookup
        self.texts = texts
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix or "smeo", namespace)
        self.errors: list[InputError] = []
        self.warnings: list[str] = []
        self.local = NameIndex()
        self.known = NameIndex()  # the graph's names, of the classes in _fetched
        self._fetched: set[str] = set()
        self.subjects: dict[tuple[str, int], URIRef] = {}
        self.existing: set[str] = set()
        self.document = KB["doc"]
        self.doc_local = "doc"
        self.resolve_work: Callable[[str, Where], URIRef | None] = self._no_works
        self.earlier: set[URIRef] = set()  # subjects of this document's earlier import

    def _no_works(self, cell: str, where: Where) -> URIRef | None:
        self.fail(f"cannot look up the work {cell!r}", where)
        return None

    # ------------------------------------------------------------------ errors

    def fail(self, message: str, where: Where) -> None:
        self.errors.append(InputError(message, where))

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    # ------------------------------------------------------------------ pass 1

    def register_all(self) -> list[str]:
        """Give every row its subject and names; the IRIs the rows mention (to look up)."""
        iris: list[str] = []
        for sheet in SHEETS:
            first: dict[URIRef, Row] = {}
            for row in self.sheet.sheet(sheet.name):
                subject = self.subject_of(sheet, row)
                if subject is None:
                    continue
                if subject in first:
                    self.fail(
                        f"this row repeats row {first[subject].number} ({compact(str(subject))})",
                        row.where,
                    )
                    continue
                first[subject] = row
                self.subjects[(sheet.name, row.number)] = subject
                classes = {key_for(c) for c in self.classes_of(sheet, row)}
                names = [
                    part
                    for col in NAMED_BY
                    for part in split_list(row.get(col))
                    if col in row.values
                ]
                self.local.add(subject, classes, [*names, compact(str(subject))])
                iris.append(str(subject))
                iris += self._iri_cells(sheet, row)
        return iris

    def _iri_cells(self, sheet: Sheet, row: Row) -> list[str]:
        found = []
        for column in sheet.columns:
            if column.kind in (Kind.REF, Kind.REFS, Kind.TAGGED_REFS, Kind.SOURCES):
                for part in split_list(row.get(column.name)):
                    try:
                        iri = parse_iri(part.split(":", 1)[1] if _tagged(column, part) else part)
                    except ValueError:
                        continue  # reported when the row is built
                    if iri is not None:
                        found.append(str(iri))
        return found

    def fetch_existing(self, iris: list[str]) -> None:
        """Which of the mentioned IRIs exist in the graph."""
        self.existing = self.lookup.existing(iris)

    def _known(self, wanted: set[str]) -> NameIndex:
        """The graph's names of the wanted classes (all a reference may point to when none is
        wanted), fetched the first time a reference by name needs them: a sheet that refers
        by IRI asks for no names, and one that names themes asks for the themes only."""
        missing = (wanted or REFERABLE) - self._fetched
        if missing:
            for iri, classes, names in self.lookup.named(missing):
                self.known.add(iri, classes, names)
            self._fetched |= missing
        return self.known

    # ------------------------------------------------------------------ subjects

    def classes_of(self, sheet: Sheet, row: Row) -> tuple[URIRef, ...]:
        chosen = row.get(sheet.class_column).lower() if sheet.class_column else ""
        if chosen and chosen not in sheet.kinds:
            self.fail(f"unknown kind {chosen!r} (one of {', '.join(sheet.kinds)})", row.at("kind"))
        return (sheet.kinds[chosen],) if chosen in sheet.kinds else sheet.classes[:1]

    def resolve_id(self, cell: str, where: Where) -> URIRef | None:
        """An id cell: a full IRI or kb:name."""
        try:
            iri = parse_iri(cell)
        except ValueError as exc:
            self.fail(str(exc), where)
            return None
        if iri is None:
            self.fail(
                f"{cell!r} is not an id: write a full IRI or kb:name (or leave it empty)", where
            )
        return iri

    def subject_of(self, sheet: Sheet, row: Row) -> URIRef | None:
        """The row's subject: its id, or a minted IRI (works are left to the work matcher)."""
        if row.get("id"):
            return self.resolve_id(row.get("id"), row.at("id"))
        if sheet.name == "documents":
            authors, year = row.get("authors"), row.get("year")
            return KB[f"doc-{slug(authors.split(',')[0].split(' ')[0])}{year}"]
        if sheet.name == "works":
            return None  # the work matcher decides (ingest/build/works.py)
        if sheet.name in GLOBAL:
            return KB[f"{sheet.id_prefix}-{slug(row.get('label'))}"]
        parts = [row.get(c) for c in IDENTITY.get(sheet.name, ())] or [str(row.number)]
        return KB[f"{self.doc_local}/{sheet.id_prefix}-{digest(sheet.name, *parts)}"]

    def foreign(self, subject: URIRef) -> bool:
        """Whether the row adds to a statement of another document (or of the seeds): then
        the defaults for new statements do not apply."""
        return str(subject) in self.existing and subject not in self.earlier

    def set_document(self, iri: URIRef) -> None:
        self.document = iri
        self.doc_local = str(iri).removeprefix(str(KB))

    # ------------------------------------------------------------------ references

    def resolve(self, cell: str, targets: tuple[URIRef, ...], where: Where) -> URIRef | None:
        """One reference: an IRI that exists (here or in the graph), or a unique name."""
        try:
            iri = parse_iri(cell)
        except ValueError as exc:
            self.fail(str(exc), where)
            return None
        if iri is not None:
            if str(iri) in self.existing or iri in self.local.classes:
                return iri
            self.fail(f"{cell} is neither in this sheet nor in the knowledge base", where)
            return None
        if SMEO.Work in targets:
            return self.resolve_work(cell, where)
        wanted = {key_for(t) for t in targets}
        hits = self.local.find(cell, wanted) or self._known(wanted).find(cell, wanted)
        if len(hits) == 1:
            return hits[0]
        if hits:
            listed = "; ".join(f"{compact(str(h))} ({self._label(h)})" for h in hits)
            self.fail(f"{cell!r} is ambiguous: it names {listed} — write the id instead", where)
            return None
        similar = self.local.similar(cell, wanted) + self.known.similar(cell, wanted)
        hint = (
            f" (did you mean {', '.join(compact(str(i)) for i in similar[:3])}?)" if similar else ""
        )
        kinds = ", ".join(sorted(wanted))
        self.fail(f"no {kinds} named {cell!r} in this sheet or the knowledge base{hint}", where)
        return None

    def _label(self, iri: URIRef) -> str:
        return self.local.label(iri) if iri in self.local.names else self.known.label(iri)

    # ------------------------------------------------------------------ generic columns

    def add_columns(self, sheet: Sheet, row: Row, subject: URIRef, skip: set[str]) -> None:
        for column in sheet.columns:
            cell = row.get(column.name)
            if (
                not cell
                or column.name in skip
                or column.kind in (Kind.ID, Kind.EXCERPT, Kind.SOURCES)
            ):
                continue
            try:
                self._add_cell(row, column, subject, cell)
            except ValueError as exc:
                self.fail(str(exc), row.at(column.name))
        interpretive = any(row.get(c) for c in sheet.interpretive)
        if interpretive and not row.get("interpreted_by") and not self.foreign(subject):
            self.add(subject, SMEO.interpretedBy, KB.project)

    def _add_cell(self, row: Row, column: Column, subject: URIRef, cell: str) -> None:
        where = row.at(column.name)
        predicate = column.predicate
        if column.kind is Kind.TAGGED_REFS:
            for part in split_list(cell):
                tag, ref = (
                    part.split(":", 1)
                    if _tagged(column, part)
                    else (row.get(column.default_tag or ""), part)
                )
                if tag.upper() not in column.tags:
                    raise ValueError(
                        f"{part!r} needs a tag: one of {', '.join(column.tags)} followed by ':'"
                    )
                target = self.resolve(ref.strip(), column.targets, where)
                if target is not None:
                    self.add(subject, column.tags[tag.upper()], target)
            return
        if predicate is None:
            return
        if column.kind is Kind.TEXT:
            self.add(subject, predicate, text_literal(cell, column.lang))
        elif column.kind in (Kind.TEXTS, Kind.LANG_TEXTS):
            for part in split_list(cell):
                self.add(subject, predicate, text_literal(part, column.lang))
        elif column.kind is Kind.INTEGER:
            self.add(subject, predicate, integer_literal(cell))
        elif column.kind is Kind.DECIMAL:
            self.add(subject, predicate, decimal_literal(cell))
        elif column.kind is Kind.ENUM:
            value = column.vocabulary.get(cell.strip().upper().replace(" ", "_"))
            if value is None:
                raise ValueError(f"{cell!r} is not one of {', '.join(column.vocabulary)}")
            self.add(subject, predicate, value)
        elif column.kind in (Kind.REF, Kind.REFS):
            parts = split_list(cell)
            if column.kind is Kind.REF and len(parts) > 1:
                raise ValueError(f"one reference expected, found {len(parts)}")
            for part in parts:
                target = self.resolve(part, column.targets, where)
                if target is not None:
                    self.add(subject, predicate, target)

    def type_row(self, subject: URIRef, classes: tuple[URIRef, ...]) -> None:
        for cls in classes:
            self.add(subject, RDF.type, cls)

    def label_of(self, subject: URIRef) -> str:
        value = self.graph.value(subject, RDFS.label)
        return str(value) if value is not None else compact(str(subject))


def _tagged(column: Column, part: str) -> bool:
    return column.kind is Kind.TAGGED_REFS and part.split(":", 1)[0].strip().upper() in column.tags
