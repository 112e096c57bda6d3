"""The expert panel's factors, categories and items sheets."""

from rdflib.namespace import RDFS, SKOS

from ingest.sheet.model import Column, Kind
from ingest.sheet.spec.common import INTERPRETED_BY, RATIONALE, _sheet
from smekg.namespaces import SMEO

FACTORS = _sheet(
    "factors",
    "Factors an expert panel found, and groups of categories within a factor (kind = factor or group).",
    (SMEO.Factor, SMEO.FactorGroup),
    "factor",
    Column("kind", Kind.TEXT, "factor (default) or group.", aliases=("type",)),
    Column(
        "label",
        Kind.TEXT,
        "The name as printed.",
        SKOS.prefLabel,
        required=True,
        lang="en",
        aliases=("name",),
    ),
    Column(
        "factor",
        Kind.REF,
        "For a group: the factor it belongs to.",
        SMEO.inFactor,
        targets=(SMEO.Factor,),
    ),
    Column(
        "order",
        Kind.INTEGER,
        "Position in the document's list or table.",
        SMEO.order,
        required=True,
    ),
    kinds={"factor": SMEO.Factor, "group": SMEO.FactorGroup},
)

CATEGORIES = _sheet(
    "categories",
    "Categories of a factor with the share of experts who named them (0–1, e.g. 0.75 for 75%) and the sample size; items one per bullet, separated by ';' (or on the items sheet).",
    (SMEO.Category,),
    "cat",
    Column("factor", Kind.REF, "The factor.", SMEO.inFactor, required=True, targets=(SMEO.Factor,)),
    Column(
        "group",
        Kind.REF,
        "The group it is printed under, if any.",
        SMEO.inGroup,
        targets=(SMEO.FactorGroup,),
    ),
    Column(
        "category",
        Kind.TEXT,
        "The category as printed.",
        SKOS.prefLabel,
        required=True,
        lang="en",
        aliases=("label", "name"),
    ),
    Column(
        "share",
        Kind.DECIMAL,
        "Share of experts who named it, 0–1 (75% is 0.75).",
        SMEO.share,
        required=True,
        aliases=("frequency", "percent"),
    ),
    Column(
        "sample_size",
        Kind.INTEGER,
        "The N the share is of.",
        SMEO.sampleSize,
        required=True,
        aliases=("n", "sample size"),
    ),
    Column("order", Kind.INTEGER, "Row position in its table.", SMEO.order, required=True),
    Column(
        "items",
        Kind.TEXTS,
        "Items listed under it, one per bullet, separated by ';' (each rests on this row's excerpt).",
        aliases=("item",),
    ),
)

ITEMS = _sheet(
    "items",
    "Items under a category, one row each, when they need their own excerpt or note (otherwise use the categories sheet's items column).",
    (SMEO.Item,),
    "item",
    Column(
        "category",
        Kind.REF,
        "The category.",
        SMEO.inCategory,
        required=True,
        targets=(SMEO.Category,),
    ),
    Column(
        "label",
        Kind.TEXT,
        "The item as printed.",
        SKOS.prefLabel,
        required=True,
        lang="en",
        aliases=("item", "name"),
    ),
    Column("order", Kind.INTEGER, "Bullet position within its cell.", SMEO.order, required=True),
)


FIGURES = _sheet(
    "figures",
    "Shares the prose gives for a category or group (beside the table's figure), each with its own quote: where prose and table differ, add a quality note too.",
    (SMEO.ReportedFigure,),
    "fig",
    Column(
        "figure_for",
        Kind.REF,
        "The category or group the figure is given for.",
        SMEO.figureFor,
        required=True,
        targets=(SMEO.Category, SMEO.FactorGroup, SMEO.ExpertGroup),
        aliases=("for", "category"),
    ),
    Column("share", Kind.DECIMAL, "The share the prose gives, 0–1.", SMEO.share, required=True),
    RATIONALE,
    INTERPRETED_BY,
)

PANEL = _sheet(
    "panel",
    "The expert panel (kind = panel: size, how experts were chosen, method) and its groups (kind = group: a category of experts or a demographic attribute, with its count).",
    (SMEO.ExpertPanel, SMEO.ExpertGroup),
    "panel",
    Column("kind", Kind.TEXT, "panel (default) or group."),
    Column("label", Kind.TEXT, "A short name.", RDFS.label, required=True, lang="en"),
    Column(
        "panel_of",
        Kind.REF,
        "For the panel: the study that convened it (default: this document).",
        SMEO.panelOf,
        targets=(SMEO.SourceDocument,),
    ),
    Column(
        "size",
        Kind.INTEGER,
        "For the panel: the number of experts.",
        SMEO.panelSize,
        aliases=("panel size",),
    ),
    Column(
        "selection",
        Kind.TEXT,
        "For the panel: how experts were approached and chosen (the project's summary).",
        SMEO.selection,
    ),
    Column(
        "method", Kind.TEXT, "For the panel: the method, as the document states it.", SMEO.method
    ),
    Column(
        "groups",
        Kind.REFS,
        "For the panel: its groups (rows of kind group).",
        SMEO.expertGroup,
        targets=(SMEO.ExpertGroup,),
    ),
    Column(
        "group_kind",
        Kind.TEXT,
        "For a group: 'expert category', or the demographic attribute as printed.",
        SMEO.groupKind,
    ),
    Column(
        "count",
        Kind.INTEGER,
        "For a group: the number of experts in it, as printed.",
        SMEO["count"],
    ),
    Column("share", Kind.DECIMAL, "For a group: its share, as printed.", SMEO.share),
    kinds={"panel": SMEO.ExpertPanel, "group": SMEO.ExpertGroup},
)
