"""The findings, quality notes and implications sheets."""

from rdflib.namespace import RDFS

from ingest.sheet.model import Column, Kind
from ingest.sheet.spec.common import INTERPRETED_BY, RATIONALE, _sheet
from ingest.sheet.spec.vocabularies import (
    AGREEMENTS,
    FINDING_KINDS,
    IMPLICATION_KINDS,
    NOTE_KINDS,
    PERSPECTIVE_LINKS,
    PREDICTION_LINKS,
    RELATIONS,
)
from smekg.namespaces import SMEO

FINDINGS = _sheet(
    "findings",
    "Results the document reports about a study (or its own results): one row per study and result.",
    (SMEO.Finding,),
    "finding",
    Column(
        "study",
        Kind.REFS,
        "The study (work) the result is about: a works-sheet key, 'Authors Year' as cited, a kb: id or this document for its own results.",
        SMEO.aboutStudy,
        required=True,
        targets=(SMEO.Work,),
        aliases=("work", "studies"),
    ),
    Column(
        "summary",
        Kind.TEXT,
        "The project's short paraphrase (the words are in quote); keep the source's hedges.",
        SMEO.summary,
        required=True,
    ),
    Column(
        "themes",
        Kind.REFS,
        "Themes the finding bears on.",
        SMEO.bearsOnTheme,
        targets=(SMEO.Theme,),
        aliases=("theme",),
    ),
    Column(
        "relation",
        Kind.ENUM,
        "How the finding bears on the first theme's proposition: SUPPORTS, CONTRADICTS, QUALIFIES or MIXED.",
        SMEO.relation,
        vocabulary=RELATIONS,
    ),
    Column(
        "predictions",
        Kind.TAGGED_REFS,
        "Predictions the finding bears on, each 'RELATION:prediction' (RELATION as in relation; plain = the relation column).",
        targets=(SMEO.Prediction,),
        tags=PREDICTION_LINKS,
        default_tag="relation",
    ),
    Column(
        "perspectives",
        Kind.TAGGED_REFS,
        "Perspectives the document says the finding supports or contradicts: 'SUPPORTS:…' or 'CONTRADICTS:…'.",
        targets=(SMEO.Perspective,),
        tags=PERSPECTIVE_LINKS,
    ),
    Column(
        "factors",
        Kind.REFS,
        "Factors, factor groups or categories of an expert panel the finding concerns.",
        SMEO.bearsOnFactor,
        targets=(SMEO.Factor, SMEO.FactorGroup, SMEO.Category),
    ),
    Column("sample", Kind.TEXT, "The sample, only as the text states it.", SMEO.sample),
    Column(
        "country", Kind.TEXT, "The country or region, only as the text states it.", SMEO.country
    ),
    Column("sector", Kind.TEXT, "The sector, only as the text states it.", SMEO.sector),
    Column("method", Kind.TEXT, "The method, only as the text states it.", SMEO.method),
    Column(
        "finding_kind",
        Kind.ENUM,
        "EMPIRICAL (a result), STATISTIC (a figure) or CLAIM (an argued claim), by the source's reporting words.",
        SMEO.findingKind,
        vocabulary=FINDING_KINDS,
        aliases=("finding kind",),
    ),
    Column(
        "modality",
        Kind.TEXT,
        "The source's hedge word(s) as printed ('suggests', 'may'); empty when it reports without a hedge.",
        SMEO.modality,
        aliases=("hedge",),
    ),
    Column(
        "hedge_note",
        Kind.TEXT,
        "Why a hedge word in the quote is not carried into the finding (it qualifies the citing authors' framing).",
        SMEO.hedgeNote,
    ),
    Column(
        "attribution_note",
        Kind.TEXT,
        "Why the finding is attributed to its study although its quote prints no citation of it.",
        SMEO.attributionNote,
    ),
    RATIONALE,
    INTERPRETED_BY,
    interpretive=("relation", "predictions", "perspectives", "rationale"),
)


QUALITY_NOTES = _sheet(
    "quality_notes",
    "Where the document disagrees with itself or another record (prose against its table, a count, a citation year, a misprint): both sides quoted — quote here and at least one more excerpt in sources.",
    (SMEO.QualityNote,),
    "note",
    Column(
        "kind",
        Kind.ENUM,
        "PROSE_VS_TABLE, TOTAL_MISMATCH, CITATION_MISMATCH, MISPRINT or NAME_VARIANT.",
        SMEO.noteKind,
        required=True,
        vocabulary=NOTE_KINDS,
    ),
    Column("label", Kind.TEXT, "A short title.", RDFS.label, lang="en"),
    Column("summary", Kind.TEXT, "What disagrees with what.", SMEO.summary, required=True),
    Column(
        "concerns",
        Kind.REFS,
        "The statements or works the disagreement affects.",
        SMEO.concerns,
        required=True,
    ),
    RATIONALE,
    INTERPRETED_BY,
)

IMPLICATIONS = _sheet(
    "implications",
    "Implications the document draws for policy, research or practice.",
    (SMEO.Implication,),
    "impl",
    Column(
        "kind",
        Kind.ENUM,
        "POLICY, RESEARCH or PRACTICE.",
        SMEO.implicationKind,
        required=True,
        vocabulary=IMPLICATION_KINDS,
    ),
    Column("label", Kind.TEXT, "A short title.", RDFS.label, required=True, lang="en"),
    Column("summary", Kind.TEXT, "The project's paraphrase.", SMEO.summary, required=True),
    Column("themes", Kind.REFS, "Themes it concerns.", SMEO.bearsOnTheme, targets=(SMEO.Theme,)),
    Column(
        "factors",
        Kind.REFS,
        "Factors, groups or categories it concerns.",
        SMEO.bearsOnFactor,
        targets=(SMEO.Factor, SMEO.FactorGroup, SMEO.Category),
    ),
    RATIONALE,
    INTERPRETED_BY,
)


TRIANGULATION = _sheet(
    "triangulation",
    "The project's links between what a review says (a perspective and/or a theme) and what an expert panel found (a factor and/or its categories): whether they agree, disagree or speak past each other, why, and the words of both documents (at least one excerpt from each).",
    (SMEO.TriangulationLink,),
    "tri",
    Column(
        "perspective",
        Kind.REF,
        "The review's perspective.",
        SMEO.literaturePerspective,
        targets=(SMEO.Perspective,),
    ),
    Column("theme", Kind.REF, "The review's theme.", SMEO.literatureTheme, targets=(SMEO.Theme,)),
    Column("factor", Kind.REF, "The panel's factor.", SMEO.panelFactor, targets=(SMEO.Factor,)),
    Column(
        "categories",
        Kind.REFS,
        "The panel's categories the link rests on.",
        SMEO.panelCategory,
        targets=(SMEO.Category,),
    ),
    Column(
        "agreement",
        Kind.ENUM,
        "AGREE, DISAGREE or SPEAK_PAST (the project's reading).",
        SMEO.agreement,
        required=True,
        vocabulary=AGREEMENTS,
    ),
    Column("summary", Kind.TEXT, "What both sides say, in short.", SMEO.summary, required=True),
    RATIONALE,
    INTERPRETED_BY,
    interpretive=("agreement",),
)
