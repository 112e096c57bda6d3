"""The documents, works (reference list) and excerpts sheets."""

from rdflib.namespace import DCTERMS, RDFS

from ingest.sheet.model import Column, Kind, Sheet
from ingest.sheet.spec.common import EXCERPT, ID, _sheet
from ingest.sheet.spec.vocabularies import WORK_TYPES
from smekg.namespaces import BIBO, SMEO

DOCUMENTS = _sheet(
    "documents",
    "The document you coded: one row. Its metadata as the text or a catalogue gives it (say which in metadata_note); never guessed.",
    (SMEO.SourceDocument,),
    "doc",
    Column(
        "label",
        Kind.TEXT,
        "A short name, e.g. 'Smith & Jones (2020), survey of UK exporters'.",
        RDFS.label,
        required=True,
        lang="en",
    ),
    Column(
        "title",
        Kind.LANG_TEXTS,
        "The title as printed; several titles (e.g. a translated one) separated by ';', each 'title@lang' (plain = @en).",
        DCTERMS.title,
        required=True,
        lang="en",
    ),
    Column(
        "authors",
        Kind.TEXT,
        "The authors as printed.",
        SMEO.authorList,
        required=True,
        aliases=("author", "author list"),
    ),
    Column(
        "year",
        Kind.INTEGER,
        "Year of publication, where the document or its catalogue record states it.",
        SMEO.year,
    ),
    Column("venue", Kind.TEXT, "Journal, book or publisher.", SMEO.venue, aliases=("journal",)),
    Column("volume", Kind.TEXT, "Volume.", BIBO.volume),
    Column("issue", Kind.TEXT, "Issue.", BIBO.issue),
    Column("pages", Kind.TEXT, "Pages, e.g. 1013–1029.", BIBO.pages),
    Column("doi", Kind.TEXT, "DOI, without https://doi.org/.", BIBO.doi),
    Column(
        "type",
        Kind.TEXT,
        f"Work type: {', '.join(WORK_TYPES)}.",
        SMEO.workType,
        required=True,
        aliases=("work type",),
    ),
    Column(
        "text_file",
        Kind.TEXT,
        "File name of the document's plain text (set by the import from --text).",
        SMEO.textFile,
    ),
    Column("text_sha256", Kind.TEXT, "SHA-256 of that text (set by the import).", SMEO.textSha256),
    Column(
        "metadata_note",
        Kind.TEXT,
        "Where metadata not printed in the text comes from.",
        SMEO.metadataNote,
    ),
    excerpt=False,
)

WORKS = _sheet(
    "works",
    "The document's reference list: one row per cited work, with how the document cites it. An existing work is matched by id, DOI, or authors, year and title; leave its metadata empty to only cite it.",
    (SMEO.Work,),
    "work",
    Column(
        "key",
        Kind.TEXT,
        "The work's key in your bibliography (BibTeX key, RIS ID), so findings can name it.",
    ),
    Column(
        "authors",
        Kind.TEXT,
        "The authors as printed in the reference entry (or the in-text citation when there is none).",
        SMEO.authorList,
        aliases=("author", "author list"),
    ),
    Column("year", Kind.INTEGER, "Year as the reference list gives it.", SMEO.year),
    Column("year_suffix", Kind.TEXT, "The letter in 2004a.", SMEO.yearSuffix),
    Column(
        "title",
        Kind.LANG_TEXTS,
        "Title as printed (plain; add @lang only for a second language).",
        DCTERMS.title,
    ),
    Column(
        "venue",
        Kind.TEXT,
        "Journal, book or publisher as printed.",
        SMEO.venue,
        aliases=("journal",),
    ),
    Column("volume", Kind.TEXT, "Volume.", BIBO.volume),
    Column("issue", Kind.TEXT, "Issue.", BIBO.issue),
    Column("pages", Kind.TEXT, "Pages.", BIBO.pages),
    Column("doi", Kind.TEXT, "DOI, where the reference entry prints one.", BIBO.doi),
    Column(
        "type",
        Kind.TEXT,
        f"Work type: {', '.join(WORK_TYPES)} (unknown when there is no reference entry).",
        SMEO.workType,
        aliases=("work type",),
    ),
    Column(
        "metadata_note",
        Kind.TEXT,
        "Where metadata not printed in the document comes from.",
        SMEO.metadataNote,
    ),
    Column(
        "citation_id", Kind.TEXT, "Id of the document's citation of the work (minted when empty)."
    ),
    Column(
        "cited_as",
        Kind.TEXTS,
        "Every in-text form the document uses for the work, as printed, separated by ';'.",
        SMEO.citedAs,
        required=True,
        aliases=("cited as", "in-text citation", "citation"),
    ),
    Column(
        "reference_entry",
        Kind.TEXT,
        "The reference-list entry as printed.",
        SMEO.referenceEntry,
        aliases=("reference", "entry"),
    ),
)

EXCERPTS = Sheet(
    "excerpts",
    "Excerpts that several rows share, or that a row needs besides its own quote: give each an id and name it in those rows' sources column.",
    (SMEO.SourceExcerpt,),
    (ID, *EXCERPT[1:8]),
    "excerpt",
)
