"""The perspectives, alignments, themes and predictions sheets."""

from rdflib.namespace import SKOS

from ingest.sheet.model import Column, Kind
from ingest.sheet.spec.common import INTERPRETED_BY, RATIONALE, _sheet
from ingest.sheet.spec.vocabularies import SKOS_MATCHES, STANCES
from smekg.namespaces import SMEO

PERSPECTIVES = _sheet(
    "perspectives",
    "Theoretical perspectives the document names: a new one (label, family, definition) or an existing one to which the document adds aliases. kind = perspective or family (a group of perspectives).",
    (SMEO.Perspective, SMEO.PerspectiveFamily),
    "persp",
    Column("kind", Kind.TEXT, "perspective (default) or family.", aliases=("type",)),
    Column(
        "label",
        Kind.TEXT,
        "The name as printed (skos:prefLabel).",
        SKOS.prefLabel,
        lang="en",
        aliases=("name", "perspective"),
    ),
    Column(
        "aliases",
        Kind.TEXTS,
        "Other names the document uses, separated by ';'.",
        SKOS.altLabel,
        lang="en",
        aliases=("alias", "also known as"),
    ),
    Column(
        "broader",
        Kind.REFS,
        "The family (or broader perspective) it belongs to.",
        SKOS.broader,
        targets=(SMEO.PerspectiveFamily, SMEO.Perspective),
        aliases=("family",),
    ),
    Column(
        "narrower",
        Kind.REFS,
        "Perspectives it groups (for a family).",
        SKOS.narrower,
        targets=(SMEO.Perspective,),
    ),
    Column(
        "matches",
        Kind.TAGGED_REFS,
        "SKOS matches to other perspectives, each 'KIND:reference' with KIND one of EXACT, CLOSE, BROAD, NARROW, RELATED.",
        targets=(SMEO.Perspective, SMEO.PerspectiveFamily),
        tags=SKOS_MATCHES,
    ),
    Column(
        "definition",
        Kind.TEXT,
        "The document's definition, only where it defines the term.",
        SKOS.definition,
        lang="en",
    ),
    Column(
        "scope_note",
        Kind.TEXT,
        "A sentence that characterizes it without defining it, verbatim.",
        SKOS.scopeNote,
        lang="en",
    ),
    Column("order", Kind.INTEGER, "Position in the document's own table or list.", SMEO.order),
    Column(
        "representative_articles",
        Kind.TEXT,
        "The verbatim text of a 'representative articles' cell.",
        SMEO.representativeArticles,
    ),
    Column(
        "representative_studies",
        Kind.REFS,
        "Works the document names as representative.",
        SMEO.representativeStudy,
        targets=(SMEO.Work,),
    ),
    Column(
        "discussed_in",
        Kind.REFS,
        "Documents that discuss it (default: this document).",
        SMEO.discussedIn,
        targets=(SMEO.SourceDocument,),
    ),
    kinds={"perspective": SMEO.Perspective, "family": SMEO.PerspectiveFamily},
)

ALIGNMENTS = _sheet(
    "alignments",
    "How a perspective of this document corresponds to one of another document: the project's interpretation, with its reason.",
    (SMEO.PerspectiveAlignment,),
    "align",
    Column(
        "from",
        Kind.REF,
        "The perspective of this document.",
        SMEO.alignFrom,
        required=True,
        targets=(SMEO.Perspective,),
    ),
    Column(
        "to",
        Kind.REF,
        "The perspective it corresponds to.",
        SMEO.alignTo,
        required=True,
        targets=(SMEO.Perspective,),
    ),
    Column(
        "mapping_kind",
        Kind.TEXT,
        "exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch.",
        SMEO.mappingKind,
        required=True,
    ),
    Column(
        "rationale",
        Kind.TEXT,
        "Why they correspond.",
        SMEO.rationale,
        required=True,
    ),
    INTERPRETED_BY,
    interpretive=("mapping_kind",),
)

THEMES = _sheet(
    "themes",
    "Themes (questions perspectives take positions on, e.g. rows of a comparison table): new ones, or existing ones the document adds names to.",
    (SMEO.Theme,),
    "theme",
    Column(
        "label", Kind.TEXT, "A short name.", SKOS.prefLabel, lang="en", aliases=("name", "theme")
    ),
    Column("aliases", Kind.TEXTS, "Other names, separated by ';'.", SKOS.altLabel, lang="en"),
    Column(
        "proposition", Kind.TEXT, "The proposition the theme tests, verbatim.", SMEO.proposition
    ),
    Column("number", Kind.INTEGER, "The theme's number in the document.", SMEO.themeNumber),
    Column("order", Kind.INTEGER, "Position (row) in the document's table.", SMEO.order),
    Column(
        "discussed_in",
        Kind.REFS,
        "Documents that discuss it (default: this document).",
        SMEO.discussedIn,
        targets=(SMEO.SourceDocument,),
    ),
)

PREDICTIONS = _sheet(
    "predictions",
    "What a perspective predicts on a theme (a cell of a comparison table): the verbatim text, and the stance the project reads into it.",
    (SMEO.Prediction,),
    "pred",
    Column(
        "perspective",
        Kind.REF,
        "The perspective.",
        SMEO.perspective,
        required=True,
        targets=(SMEO.Perspective,),
    ),
    Column("theme", Kind.REF, "The theme.", SMEO.theme, required=True, targets=(SMEO.Theme,)),
    Column(
        "text",
        Kind.TEXT,
        "The cell's verbatim text (empty for a blank cell).",
        SMEO.text,
        aliases=("cell", "verbatim text"),
    ),
    Column(
        "stance",
        Kind.ENUM,
        "YES, NO, DEPENDS, CONDITIONAL, DESCRIPTIVE or NOT_ADDRESSED (a blank cell).",
        SMEO.stance,
        required=True,
        vocabulary=STANCES,
    ),
    Column(
        "conditions",
        Kind.TEXTS,
        "What the stance depends on, in the cell's words, separated by ';'.",
        SMEO.condition,
        aliases=("condition",),
    ),
    RATIONALE,
    INTERPRETED_BY,
    interpretive=("stance",),
)


FOOTNOTES = _sheet(
    "footnotes",
    "Footnotes of the document's tables or text, with the mark that ties each to its place.",
    (SMEO.Footnote,),
    "footnote",
    Column("mark", Kind.TEXT, "The footnote mark, e.g. 1.", SMEO.footnoteMark),
    Column("text", Kind.TEXT, "The footnote's text, verbatim.", SMEO.text, required=True),
    Column(
        "attached_to",
        Kind.REFS,
        "What it annotates (a perspective, a theme, …).",
        SMEO.attachedTo,
        required=True,
        targets=(SMEO.Perspective, SMEO.Theme, SMEO.PerspectiveFamily),
    ),
)
