"""The controlled vocabularies a sheet's cells may name, by notation."""

from rdflib.namespace import SKOS

from smekg.namespaces import SMEO

STANCES = {
    n: SMEO[name]
    for n, name in (
        ("YES", "Yes"),
        ("NO", "No"),
        ("DEPENDS", "Depends"),
        ("CONDITIONAL", "Conditional"),
        ("DESCRIPTIVE", "Descriptive"),
        ("NOT_ADDRESSED", "NotAddressed"),
    )
}
RELATIONS = {
    n: SMEO[name]
    for n, name in (
        ("SUPPORTS", "Supports"),
        ("CONTRADICTS", "Contradicts"),
        ("QUALIFIES", "Qualifies"),
        ("MIXED", "Mixed"),
    )
}
PREDICTION_LINKS = {
    "SUPPORTS": SMEO.supportsPrediction,
    "CONTRADICTS": SMEO.contradictsPrediction,
    "QUALIFIES": SMEO.qualifiesPrediction,
    "MIXED": SMEO.mixedEvidenceFor,
}
PERSPECTIVE_LINKS = {
    "SUPPORTS": SMEO.supportsPerspective,
    "CONTRADICTS": SMEO.contradictsPerspective,
}
IMPLICATION_KINDS = {
    "POLICY": SMEO.PolicyImplication,
    "RESEARCH": SMEO.ResearchImplication,
    "PRACTICE": SMEO.PracticeImplication,
}
NOTE_KINDS = {
    n: SMEO[name]
    for n, name in (
        ("PROSE_VS_TABLE", "ProseVsTable"),
        ("TOTAL_MISMATCH", "TotalMismatch"),
        ("CITATION_MISMATCH", "CitationMismatch"),
        ("MISPRINT", "Misprint"),
        ("NAME_VARIANT", "NameVariant"),
        ("LAYOUT", "LayoutAmbiguity"),
    )
}
SKOS_MATCHES = {
    "EXACT": SKOS.exactMatch,
    "CLOSE": SKOS.closeMatch,
    "BROAD": SKOS.broadMatch,
    "NARROW": SKOS.narrowMatch,
    "RELATED": SKOS.relatedMatch,
}
WORK_TYPES = (
    "article",
    "book",
    "chapter",
    "report",
    "thesis",
    "conference-paper",
    "other",
    "unknown",
)
FINDING_KINDS = {
    "EMPIRICAL": SMEO.EmpiricalResult,
    "STATISTIC": SMEO.Statistic,
    "CLAIM": SMEO.ArguedClaim,
}
AGREEMENTS = {"AGREE": SMEO.Agree, "DISAGREE": SMEO.Disagree, "SPEAK_PAST": SMEO.SpeakPast}
