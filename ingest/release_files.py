"""The texts a release writes: its CHANGELOG entry, CITATION.cff and ro-crate-metadata.json
(RO-Crate 1.1). Pure, except for reading the sizes and hashes of the released files."""

import hashlib
import json
from pathlib import Path

import orjson

from ingest.build.iris import compact
from smekg.history import ReleaseRecord, VersionRecord

PROJECT = "SME Internationalization Knowledge Graph project"
TITLE = "SME Internationalization Knowledge Graph"
DESCRIPTION = (
    "Theoretical perspectives on SME internationalization, their predictions on themes, the "
    "factors an expert panel found, and the studies cited with their findings: every statement "
    "tied to its source document, its location and the verbatim words it rests on."
)
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
FORMATS = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".csv": "text/csv",
    ".md": "text/markdown",
    ".cff": "application/x-yaml",
    ".json": "application/json",
}


def _counts(record: VersionRecord) -> str:
    parts = [
        f"{kind} "
        + " ".join(
            f"{sign}{n}"
            for sign, n in (("+", c["added"]), ("-", c["removed"]), ("~", c["changed"]))
            if n
        )
        for kind, c in sorted(record.summary().items())
    ]
    return "; ".join(parts) if parts else "no statement changed"


def changelog_entry(
    release: ReleaseRecord, versions: list[VersionRecord], prior: ReleaseRecord | None
) -> str:
    """The release's section of CHANGELOG.md, from the versions since the prior release."""
    since = f"since release {prior.version}" if prior else "since the beginning"
    lines = [
        f"## {release.version} — {release.date}",
        "",
        f"Knowledge base {release.id} (version {release.number}); changes {since}:",
        "",
    ]
    for record in versions:
        who = f" by {record.curator}" if record.curator else ""
        what = f" {compact(record.document)}" if record.document else ""
        note = f" ({record.note})" if record.note else ""
        lines.append(
            f"- version {record.number}, {record.action}{what}{who}{note}: {_counts(record)}"
        )
    if not versions:
        lines.append("- no change")
    return "\n".join(lines) + "\n\n"


def _curators(history: list[VersionRecord]) -> list[str]:
    return sorted({r.curator for r in history if r.curator and r.action != "release"})


def citation_cff(release: ReleaseRecord, history: list[VersionRecord]) -> str:
    """CITATION.cff (Citation File Format 1.2.0) of the release; strings as JSON (valid YAML)."""
    authors = [PROJECT, *(f"{c} (curator)" for c in _curators(history))]
    lines = [
        "cff-version: 1.2.0",
        'message: "If you use this knowledge base, please cite this release."',
        "type: dataset",
        f"title: {json.dumps(TITLE)}",
        f"version: {json.dumps(release.version)}",
        f"date-released: {release.date}",
        "license: CC-BY-4.0",
        f"abstract: {json.dumps(DESCRIPTION)}",
        "authors:",
        *(f"  - name: {json.dumps(a)}" for a in authors),
        "identifiers:",
        "  - type: url",
        f"    value: {json.dumps('https://w3id.org/sme-intl-kg/ontology/' + release.version)}",
        "    description: the released ontology and knowledge base",
    ]
    return "\n".join(lines) + "\n"


def crate_metadata(release: ReleaseRecord, folder: Path, history: list[VersionRecord]) -> bytes:
    """ro-crate-metadata.json describing the release folder and every file in it."""
    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and p.name != "ro-crate-metadata.json"
    )
    parts = [
        {
            "@id": p.relative_to(folder).as_posix(),
            "@type": "File",
            "encodingFormat": FORMATS.get(p.suffix, "application/octet-stream"),
            "contentSize": str(p.stat().st_size),
            "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
        }
        for p in files
    ]
    people = [
        {"@id": f"#curator-{i}", "@type": "Person", "name": c}
        for i, c in enumerate(_curators(history), 1)
    ]
    root = {
        "@id": "./",
        "@type": "Dataset",
        "name": f"{TITLE} {release.version}",
        "description": DESCRIPTION,
        "version": release.version,
        "datePublished": release.date,
        "identifier": f"https://w3id.org/sme-intl-kg/ontology/{release.version}",
        "license": {"@id": LICENSE},
        "creator": [{"@id": "#project"}],
        "contributor": [{"@id": p["@id"]} for p in people],
        "hasPart": [{"@id": p["@id"]} for p in parts],
    }
    graph = [
        {
            "@id": "ro-crate-metadata.json",
            "@type": "CreativeWork",
            "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"},
            "about": {"@id": "./"},
        },
        root,
        {"@id": "#project", "@type": "Organization", "name": PROJECT},
        {"@id": LICENSE, "@type": "CreativeWork", "name": "CC BY 4.0"},
        *people,
        *parts,
    ]
    return orjson.dumps(
        {"@context": "https://w3id.org/ro/crate/1.1/context", "@graph": graph},
        option=orjson.OPT_INDENT_2,
    )
