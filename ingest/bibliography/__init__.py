"""Reading and writing bibliographies (BibTeX, RIS, CSL-JSON) as ``BibEntry`` values, through
well-kept libraries: bibtexparser 2, rispy and the standard library's json."""

from ingest.bibliography.bibtex import to_bibtex
from ingest.bibliography.csl import to_csl_json
from ingest.bibliography.model import WORK_TYPES, BibEntry, BibliographyError, Location, WorkType
from ingest.bibliography.reader import read_bibliography
from ingest.bibliography.ris import to_ris

__all__ = [
    "WORK_TYPES",
    "BibEntry",
    "BibliographyError",
    "Location",
    "WorkType",
    "read_bibliography",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]
