"""Columns every sheet shares (id, comment, the row's own excerpt) and the sheet maker."""

from rdflib import URIRef
from rdflib.namespace import RDFS

from ingest.sheet.model import Column, Kind, Sheet
from smekg.namespaces import SMEO

ID = Column(
    "id",
    Kind.ID,
    "The statement's id: a full IRI or kb:local-name. Leave empty for a new statement (an id is minted); fill it to update a statement on re-import.",
    aliases=("iri",),
    example="kb:doc-smith2020/finding-1",
)
COMMENT = Column(
    "comment",
    Kind.TEXT,
    "A note by the curator about this statement (rdfs:comment).",
    RDFS.comment,
    lang="en",
    aliases=("note", "notes"),
)
INTERPRETED_BY = Column(
    "interpreted_by",
    Kind.REFS,
    "Who interpreted the source here (kb:project for this project). Findings and predictions are always the project's reading; elsewhere say so when a value is not the source's own words.",
    SMEO.interpretedBy,
    targets=(SMEO.Agent,),
    aliases=("interpreted", "interpretation"),
    example="kb:project",
)
RATIONALE = Column(
    "rationale",
    Kind.TEXT,
    "Why the project reads the source this way (for an interpretation).",
    SMEO.rationale,
)
EXCERPT = (
    Column(
        "excerpt_id",
        Kind.EXCERPT,
        "Id of the row's own excerpt (minted when empty).",
        aliases=("source_id",),
    ),
    Column(
        "quote",
        Kind.EXCERPT,
        "The verbatim words of the document this row rests on (checked against the document's text; line breaks and hyphenation may differ).",
        aliases=("verbatim", "text quote", "quotation"),
        example="Exporters had higher productivity",
    ),
    Column(
        "locator",
        Kind.EXCERPT,
        "Where the quote stands, in words a reader can follow.",
        aliases=("location", "where"),
        example="Section 'Results', paragraph 2",
    ),
    Column(
        "section",
        Kind.EXCERPT,
        "The heading of the section the quote stands in, as printed.",
        aliases=("heading",),
    ),
    Column(
        "table",
        Kind.EXCERPT,
        "The table the quote stands in, e.g. 'Table 2'.",
        aliases=("table name",),
    ),
    Column(
        "page",
        Kind.EXCERPT,
        "The page, where the document prints page numbers.",
        aliases=("pages", "p.", "pg"),
    ),
    Column(
        "occurrence",
        Kind.EXCERPT,
        "Which occurrence of the quote is meant (1, 2, …) when it stands more than once in the text; the words around it are then stored.",
        aliases=("occurrence number",),
    ),
    Column(
        "document",
        Kind.EXCERPT,
        "The document the quote is from (default: the sheet's document).",
        aliases=("doc", "source document"),
    ),
    Column(
        "sources",
        Kind.SOURCES,
        "Further excerpts this row rests on: ids from the excerpts sheet, separated by ';'.",
        SMEO.source,
        aliases=("excerpts", "more sources"),
    ),
)


def _sheet(
    name: str,
    doc: str,
    classes: tuple[URIRef, ...],
    prefix: str,
    *columns: Column,
    excerpt: bool = True,
    interpretive: tuple[str, ...] = (),
    kinds: dict[str, URIRef] | None = None,
) -> Sheet:
    tail = (*EXCERPT,) if excerpt else ()
    return Sheet(
        name,
        doc,
        classes,
        (ID, *columns, COMMENT, *tail),
        prefix,
        interpretive,
        "kind" if kinds else None,
        kinds or {},
    )


# ---------------------------------------------------------------- the sheets
