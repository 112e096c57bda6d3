"""Coverage counts of the knowledge base, per class of the ontology."""

from rdflib import Graph
from rdflib.namespace import RDF

from smekg.namespaces import SMEO

COUNTED = (
    "SourceDocument",
    "PerspectiveFamily",
    "Perspective",
    "PerspectiveAlignment",
    "Theme",
    "Prediction",
    "Footnote",
    "Work",
    "Citation",
    "Finding",
    "ExpertPanel",
    "ExpertGroup",
    "Factor",
    "FactorGroup",
    "Category",
    "Item",
    "ReportedFigure",
    "Implication",
    "QualityNote",
    "TriangulationLink",
    "SourceExcerpt",
)


def class_counts(graph: Graph) -> list[tuple[str, int]]:
    """(class local name, number of instances) for each counted class, subclasses included."""
    result = []
    for name in COUNTED:
        cls = SMEO[name]
        members = set(graph.subjects(RDF.type, cls))
        if name == "Work":
            members |= set(graph.subjects(RDF.type, SMEO.SourceDocument))
        result.append((name, len(members)))
    return result
