"""`smekg release VERSION`: a citable release of the knowledge base — the ontology's
owl:versionIRI and owl:versionInfo set, a CHANGELOG entry made from the versions since the last
release, dumps (Turtle, JSON-LD, the coding-sheet CSVs), `ro-crate-metadata.json` (RO-Crate
1.1) and `CITATION.cff`, then the released knowledge base published (decision 0018)."""

import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from ingest.contribute import sync
from ingest.errors import InputError
from ingest.export.document import export_documents, required_predicates
from ingest.files import FileChanges
from ingest.release_files import changelog_entry, citation_cff, crate_metadata
from ingest.sheet.io import write_workbook
from loaders.manifest import read_manifest
from loaders.pipeline import load_locked, read_valid_graph
from loaders.sources import Layout
from loaders.writer import WriterSession
from smekg.history import ReleaseRecord, VersionRecord, read_history, read_releases
from smekg.namespaces import SMEO

SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
ONTOLOGY_IRI = "https://w3id.org/sme-intl-kg/ontology"


@dataclass(frozen=True)
class Released:
    record: ReleaseRecord
    folder: Path
    files: list[str]


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def _check_version(version: str, earlier: list[ReleaseRecord]) -> None:
    if not SEMVER.match(version):
        raise InputError(
            f"{version!r} is not a release version: write MAJOR.MINOR.PATCH, e.g. 1.0.0"
        )
    if earlier and _key(version) <= _key(earlier[-1].version):
        raise InputError(f"release {version} is not after the latest release {earlier[-1].version}")


def versioned_header(text: str, version: str, date: str) -> str:
    """The ontology file with its version IRI, version info, prior version and modified date set."""
    current = re.search(r"owl:versionIRI <([^>]+)>", text)
    if current is None or "owl:versionInfo" not in text:
        raise InputError("the ontology header has no owl:versionIRI / owl:versionInfo to set")
    new_iri = f"{ONTOLOGY_IRI}/{version}"
    text = text.replace(current.group(0), f"owl:versionIRI <{new_iri}>", 1)
    text = re.sub(r'owl:versionInfo "[^"]*"', f'owl:versionInfo "{version}"', text, count=1)
    if current.group(1) != new_iri:
        text = re.sub(
            r"owl:priorVersion <[^>]+>", f"owl:priorVersion <{current.group(1)}>", text, count=1
        )
    return re.sub(
        r'dcterms:modified "[^"]*"\^\^xsd:date',
        f'dcterms:modified "{date}"^^xsd:date',
        text,
        count=1,
    )


def _dumps(graph: Graph, folder: Path, layout: Layout) -> None:
    graph.serialize(folder / "kb.ttl", format="turtle")
    graph.serialize(folder / "kb.jsonld", format="json-ld")
    documents = sorted(
        s for s in graph.subjects(RDF.type, SMEO.SourceDocument) if isinstance(s, URIRef)
    )
    tables = folder / "csv"
    tables.mkdir()
    sheets = export_documents(graph, documents, required_predicates(layout))
    for document, rows in zip(documents, sheets, strict=True):
        write_workbook(tables / f"{str(document).rsplit('/', 1)[-1]}.csv", rows)


def release(
    writer: WriterSession, layout: Layout, version: str, out_root: Path, curator: str
) -> Released:
    """Cut release `version`: files changed and dumps written together, or nothing at all."""
    earlier = read_releases(layout.releases_file)
    _check_version(version, earlier)
    target = out_root / version
    if target.exists():
        raise InputError(f"{target} already exists")
    sync(writer, layout)
    date = datetime.now(UTC).date().isoformat()
    ontology = layout.root / "sme.ttl"
    files = FileChanges(
        [(ontology, versioned_header(ontology.read_text(encoding="utf-8"), version, date).encode())]
    )
    files.apply()
    staging = Path(tempfile.mkdtemp(prefix=f".{version}.", dir=_made(out_root)))
    try:
        graph = read_valid_graph(layout)
        content_id = read_manifest(layout).content_id
        history = read_history(layout.history_file)
        number = (history[-1].number if history else 0) + 1
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        record = VersionRecord(
            number, content_id, now, "release", "smekg", curator=curator, note=f"release {version}"
        )
        released = ReleaseRecord(version, date, content_id, number)
        since = [r for r in history if not earlier or r.number > earlier[-1].number]
        entry = changelog_entry(released, since, earlier[-1] if earlier else None)
        _dumps(graph, staging, layout)
        (staging / "CHANGELOG.md").write_text(entry, encoding="utf-8")
        (staging / "CITATION.cff").write_text(citation_cff(released, history), encoding="utf-8")
        (staging / "ro-crate-metadata.json").write_bytes(crate_metadata(released, staging, history))
        changelog = layout.root / "CHANGELOG.md"
        old_log = changelog.read_text(encoding="utf-8") if changelog.is_file() else "# Changelog\n"
        title, _, rest = old_log.partition("\n")
        files.writes += [
            (layout.releases_file, _appended(layout.releases_file, released.to_json())),
            (layout.history_file, _appended(layout.history_file, record.to_json())),
            (changelog, f"{title}\n\n{entry}{rest}".encode()),
            (layout.root.parent / "CITATION.cff", citation_cff(released, history).encode()),
        ]
        files.apply()
        load_locked(writer, layout, force=True, validated=graph)
        staging.rename(target)
    except BaseException:
        files.undo()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Released(
        released,
        target,
        sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()),
    )


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _appended(path: Path, line: bytes) -> bytes:
    old = path.read_bytes() if path.is_file() else b""
    return old + line + b"\n"
