"""The words every row rests on: its own excerpt (quote, locator, …) and the excerpts it names
in `sources`. Each quote is checked against its document's text, and stores the words around
it (TextQuoteSelector prefix and suffix) when the place it stands is unambiguous."""

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from ingest.build.builder import Builder
from ingest.build.cells import integer_literal, split_list
from ingest.build.iris import compact, digest, parse_iri
from ingest.errors import Where
from ingest.sheet.io import Row
from smekg.namespaces import KB, SMEO

INLINE = ("quote", "locator", "section", "table", "page", "occurrence", "document")


class Excerpts:
    def __init__(self, builder: Builder) -> None:
        self.b = builder
        self.defined: set[URIRef] = set()

    def attach(self, row: Row, subject: URIRef, own: bool = True) -> list[URIRef]:
        """Give `subject` the row's excerpts (its own quote, then `sources`)."""
        found = []
        if own and any(row.get(c) for c in INLINE):
            excerpt = self.from_row(row, None)
            if excerpt is not None:
                found.append(excerpt)
        for part in split_list(row.get("sources")):
            excerpt = self._named(part, row.at("sources"))
            if excerpt is not None:
                found.append(excerpt)
        for excerpt in found:
            self.b.add(subject, SMEO.source, excerpt)
        return found

    def from_row(self, row: Row, subject: URIRef | None) -> URIRef | None:
        """The excerpt a row describes (an excerpts-sheet row, or a row's own quote)."""
        quote, locator = row.get("quote"), row.get("locator")
        for column, value in (("quote", quote), ("locator", locator)):
            if not value:
                self.b.fail(f"an excerpt needs a {column}", row.at(column))
        document = self.b.document
        if row.get("document"):
            document = (
                self.b.resolve(row.get("document"), (SMEO.SourceDocument,), row.at("document"))
                or document
            )
        if not quote or not locator:
            return None
        iri = subject
        if iri is None and row.get("excerpt_id"):
            try:
                iri = parse_iri(row.get("excerpt_id"))
            except ValueError as exc:
                self.b.fail(str(exc), row.at("excerpt_id"))
                return None
        iri = iri or KB[f"{self.b.doc_local}/excerpt-{digest(str(document), quote, locator)}"]
        if iri not in self.defined:
            self.defined.add(iri)
            self._define(iri, document, row)
        return iri

    def _define(self, iri: URIRef, document: URIRef, row: Row) -> None:
        add = self.b.add
        quote = row.get("quote")
        add(iri, RDF.type, SMEO.SourceExcerpt)
        add(iri, SMEO.inDocument, document)
        add(iri, SMEO.quote, Literal(quote))
        add(iri, SMEO.locator, Literal(row.get("locator")))
        for column, predicate in (("section", SMEO.section), ("table", SMEO.table)):
            if row.get(column):
                add(iri, predicate, Literal(row.get(column)))
        if row.get("page"):
            try:
                add(iri, SMEO.page, integer_literal(row.get("page")))
            except ValueError as exc:
                self.b.fail(str(exc), row.at("page"))
        self._check(iri, document, quote, row)

    def _check(self, iri: URIRef, document: URIRef, quote: str, row: Row) -> None:
        text = self.b.texts.own if document == self.b.document else self.b.texts.others(document)
        if text is None:
            self.b.fail(
                f"cannot check the quote: the text of {compact(str(document))} is not available "
                "(give it with --text, or put it in SMEKG_SOURCES_DIR)",
                row.at("quote"),
            )
            return
        count = text.occurrences(quote)
        if count == 0:
            self.b.fail(f"the quote is not in the document's text: {quote!r}", row.at("quote"))
            return
        wanted = row.get("occurrence")
        if wanted and (not wanted.isdigit() or not 1 <= int(wanted) <= count):
            self.b.fail(
                f"occurrence {wanted!r}: the quote stands {count} time(s) in the text",
                row.at("occurrence"),
            )
            return
        if count > 1 and not wanted:
            self.b.warnings.append(
                f"{row.at('quote')}: the quote stands {count} times in the text; its context is "
                "not stored (say which one in the occurrence column)"
            )
            return
        context = text.context(quote, int(wanted) if wanted else 1)
        if context is not None:
            self.b.add(iri, SMEO.quotePrefix, Literal(context.prefix))
            self.b.add(iri, SMEO.quoteSuffix, Literal(context.suffix))

    def _named(self, part: str, where: Where) -> URIRef | None:
        try:
            iri = parse_iri(part)
        except ValueError as exc:
            self.b.fail(str(exc), where)
            return None
        if iri is None:
            self.b.fail(
                f"{part!r}: name excerpts by their id (kb:…) from the excerpts sheet", where
            )
            return None
        if iri in self.b.local.classes or str(iri) in self.b.existing:
            return iri
        self.b.fail(f"no excerpt {part} in the excerpts sheet or the knowledge base", where)
        return None
