"""The coding sheet's sheets and columns: the one table that the template, the reader, the
importer, the exporter and docs/coding-sheet.md are made from."""

from ingest.sheet.model import Sheet
from ingest.sheet.spec.bibliographic import DOCUMENTS, EXCERPTS, WORKS
from ingest.sheet.spec.evidence import FINDINGS, IMPLICATIONS, QUALITY_NOTES, TRIANGULATION
from ingest.sheet.spec.panel import CATEGORIES, FACTORS, FIGURES, ITEMS, PANEL
from ingest.sheet.spec.theory import ALIGNMENTS, FOOTNOTES, PERSPECTIVES, PREDICTIONS, THEMES

SHEETS: tuple[Sheet, ...] = (
    DOCUMENTS,
    WORKS,
    EXCERPTS,
    PERSPECTIVES,
    ALIGNMENTS,
    THEMES,
    PREDICTIONS,
    FOOTNOTES,
    FACTORS,
    CATEGORIES,
    ITEMS,
    FIGURES,
    PANEL,
    FINDINGS,
    QUALITY_NOTES,
    IMPLICATIONS,
    TRIANGULATION,
)
SHEET_BY_NAME = {s.name: s for s in SHEETS}

__all__ = ["CATEGORIES", "DOCUMENTS", "EXCERPTS", "PREDICTIONS", "SHEETS", "SHEET_BY_NAME", "WORKS"]
