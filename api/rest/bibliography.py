"""Pure renderers of the works (rows of ``queries/list_works.cypher``) as BibTeX or CSL-JSON.

They carry only what the knowledge base holds; nothing is invented. Authors are kept as
printed (one literal name: BibTeX ``author = {{…}}``, CSL ``{"literal": …}``); the key is the
IRI's local name without its ``work-`` / ``doc-`` prefix (the full local name if that would
collide).
"""

import json
import re
from collections.abc import Collection, Sequence
from typing import Any

from api.graphql.mapping.records import first, in_language
from api.rest.table_formats import latex_escape

Row = dict[str, Any]

# workType -> (BibTeX entry type, BibTeX field for the venue, CSL type, CSL variable for it)
WORK_TYPES: dict[str, tuple[str, str, str, str]] = {
    "article": ("article", "journal", "article-journal", "container-title"),
    "book": ("book", "publisher", "book", "publisher"),
    "chapter": ("incollection", "booktitle", "chapter", "container-title"),
    "report": ("techreport", "institution", "report", "publisher"),
    "thesis": ("phdthesis", "school", "thesis", "publisher"),
    "conference-paper": ("inproceedings", "booktitle", "paper-conference", "container-title"),
}
OTHER_WORK = ("misc", "howpublished", "document", "publisher")


def work_keys(works: Sequence[Row]) -> list[str]:
    """Citation keys: local name without ``work-``/``doc-``, or the whole one on collision."""
    locals_ = [str(w["iri"]).rstrip("/").rsplit("/", 1)[-1] for w in works]
    short = [re.sub(r"^(work|doc)-", "", name) for name in locals_]
    return [
        s if short.count(s) == 1 and (s == name or s not in locals_) else name
        for s, name in zip(short, locals_, strict=True)
    ]


def _work_fields(work: Row) -> dict[str, Any]:
    """The work's bibliographic values under neutral names, only those it has."""
    fields = {
        "authors": first(work.get("authorList")),
        "year": first(work.get("year")),
        "yearSuffix": first(work.get("yearSuffix")),
        "title": in_language(work, "dcterms_title"),
        "venue": first(work.get("venue")),
        "volume": first(work.get("bibo_volume")),
        "issue": first(work.get("bibo_issue")),
        "pages": first(work.get("bibo_pages")),
        "doi": first(work.get("bibo_doi")),
    }
    return {k: v for k, v in fields.items() if v is not None and v != ""}


def bibtex_entry(key: str, work: Row) -> str:
    entry_type, venue_field, _, _ = WORK_TYPES.get(str(first(work.get("workType"))), OTHER_WORK)
    values = _work_fields(work)
    names = {
        "authors": "author",
        "title": "title",
        "year": "year",
        "yearSuffix": "yearsuffix",
        "venue": venue_field,
        "volume": "volume",
        "issue": "number",
        "pages": "pages",
        "doi": "doi",
    }
    lines = [f"@{entry_type}{{{key},"]
    for name, field in names.items():
        if name in values:
            text = latex_escape(str(values[name]))
            braced = f"{{{text}}}" if name in ("authors", "title") else text
            lines.append(f"  {field} = {{{braced}}},")
    return "\n".join([*lines, "}"])


def _chosen(works: Sequence[Row], only: Collection[str] | None) -> list[tuple[str, Row]]:
    """(key, work) pairs, keys computed over all works so that a selection keeps them."""
    pairs = zip(work_keys(works), works, strict=True)
    return [(k, w) for k, w in pairs if only is None or str(w["iri"]) in only]


def to_bibtex(works: Sequence[Row], only: Collection[str] | None = None) -> str:
    """Every work as BibTeX, or only those whose IRI is in `only`."""
    entries = [bibtex_entry(k, w) for k, w in _chosen(works, only)]
    return "\n\n".join(entries) + "\n"


def csl_item(key: str, work: Row) -> dict[str, Any]:
    _, _, csl_type, venue_var = WORK_TYPES.get(str(first(work.get("workType"))), OTHER_WORK)
    values = _work_fields(work)
    item: dict[str, Any] = {"id": key, "type": csl_type}
    if "authors" in values:
        item["author"] = [{"literal": str(values["authors"])}]
    if "year" in values:
        item["issued"] = {"date-parts": [[int(values["year"])]]}
    names = {
        "yearSuffix": "year-suffix",
        "title": "title",
        "venue": venue_var,
        "volume": "volume",
        "issue": "issue",
        "pages": "page",
        "doi": "DOI",
    }
    item.update({var: str(values[name]) for name, var in names.items() if name in values})
    return item


def to_csl_json(works: Sequence[Row], only: Collection[str] | None = None) -> str:
    """Every work as CSL-JSON, or only those whose IRI is in `only`."""
    items = [csl_item(k, w) for k, w in _chosen(works, only)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
