"""Import, replace and withdraw one document's contribution: checked first, then its file and
the history written, then the change published incrementally — all under the writer lock, and
nothing changed when anything fails (files restored if the publish fails)."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from ingest.build.iris import compact
from ingest.build.lookup import GraphLookup
from ingest.errors import InputError
from ingest.files import FileChanges, contribution_path, kept_works_path, read_graph, turtle
from ingest.plan import Plan, plan_change
from ingest.provenance import is_provenance
from loaders.errors import LoadError
from loaders.manifest import Manifest, file_hash, read_manifest
from loaders.pipeline import in_sync, load_locked
from loaders.published import Published
from loaders.sources import Layout, parse_file
from loaders.store import apply_delta
from loaders.validate import violations
from loaders.writer import WriterSession
from smekg.history import VersionRecord, read_history, unrecorded_edit
from smekg.namespaces import KB, SMEO
from smekg.quotes import SourceText

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What a write did (or, for a dry run, would do)."""

    action: str
    document: URIRef
    plan: Plan | None
    version: VersionRecord | None = None
    path: Path | None = None
    unchanged: bool = False
    warnings: list[str] = field(default_factory=list)


def source_texts(
    layout: Layout, sources_dir: Path, lookup: GraphLookup
) -> Callable[[URIRef], SourceText | None]:
    """Other documents' texts, from their smeo:textFile in the sources folder."""
    cache: dict[URIRef, SourceText | None] = {}

    def text_of(document: URIRef) -> SourceText | None:
        if document not in cache:
            rows = lookup.describe([str(document)])
            name = rows[0]["props"].get("textFile") if rows else None
            path = sources_dir / str(name) if name else None
            cache[document] = (
                SourceText.of(path.read_text(encoding="utf-8")) if path and path.is_file() else None
            )
        return cache[document]

    return text_of


def sync(writer: WriterSession, layout: Layout, dry_run: bool = False) -> Manifest:
    """Make the published graph match the files before changing it (a hand edit, or a write
    that crashed after its files), so the change applies to exactly what the files say (not
    in a dry run, which writes nothing). The files' manifest, read once for the change: the
    writer's lock keeps the files as they are until it publishes."""
    manifest = read_manifest(layout)
    if not dry_run and not in_sync(writer, manifest):
        log.info("the knowledge-base files changed since the last load: loading them first")
        load_locked(writer, layout)
    return manifest


def check(plan: Plan, layout: Layout) -> None:
    """The shapes and checks, on the part of the graph the change touches."""
    focus = {str(n) for n in plan.touched} | {n.iri for n in plan.delta.create}
    focus -= set(plan.delta.delete)
    part = plan.checked_part()
    for path in layout.root.glob("*.ttl"):  # the ontology: class hierarchy for sh:class
        parse_file(path, into=part)
    found = violations(part, layout, focus)
    if found:
        lines = "\n".join(f"  {v}" for v in found[:50])
        raise LoadError(f"the contribution breaks {len(found)} rule(s):\n{lines}")


def statements_equal(a: Graph, b: Graph) -> bool:
    """The same knowledge, whatever the provenance record says (time, tool)."""
    return {t for t in a if not is_provenance(a, t[0])} == {
        t for t in b if not is_provenance(b, t[0])
    }


def input_hashes(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, SMEO.sha256)}


def publish(
    writer: WriterSession,
    layout: Layout,
    plan: Plan,
    files: FileChanges,
    records: list[VersionRecord],
    manifest: Manifest,
) -> VersionRecord:
    """Write the files and the history, then publish; undo the files if publishing fails.
    ``manifest`` describes the files before this change (``sync``)."""
    for path, data in files.writes:
        relative = path.relative_to(layout.root).as_posix()
        manifest = manifest.with_data(relative, file_hash(data) if data is not None else None)
    record = replace(records[-1], id=manifest.content_id)
    records = [*records[:-1], record]
    history = layout.history_file
    old = history.read_bytes() if history.is_file() else b""
    files.writes.append((history, old + b"".join(r.to_json() + b"\n" for r in records)))
    state = writer.state() or {}
    files.apply()
    try:
        if plan.new_list_keys:
            log.info(
                "new multi-valued properties %s: loading the whole knowledge base",
                sorted(plan.new_list_keys),
            )
            load_locked(writer, layout, force=True)
            return record
        apply_delta(
            writer,
            plan.delta,
            Published(
                version=manifest.content_id,
                number=record.number,
                triples=int(state.get("triples") or 0) + len(plan.added) - len(plan.removed),
                files=manifest.files,
                file_hashes=manifest.hashes,
                list_keys=sorted(state.get("listKeys") or []),
                new_version=record.row(),
            ),
        )
    except BaseException:
        files.undo()
        raise
    return record


def next_records(
    layout: Layout, action: str, document: URIRef, curator: str, plan: Plan, manifest: Manifest
) -> list[VersionRecord]:
    """The version record of this change — after one for files changed by hand since the
    last recorded version, if any (their content id is the one before this change)."""
    history = read_history(layout.history_file)
    number = history[-1].number if history else 0
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    records = []
    current = manifest.content_id
    if not history or history[-1].id != current:
        number += 1
        records.append(unrecorded_edit(number, current))
    records.append(
        VersionRecord(
            number + 1,
            "",
            now,
            action,
            "smekg",
            str(document),
            curator,
            changes=tuple(plan.changes),
        )
    )
    return records


def withdraw_plan(
    layout: Layout, lookup: GraphLookup, document: URIRef, list_keys: set[str]
) -> tuple[Plan, FileChanges, Path]:
    """Withdrawing a contribution: its triples go, except the works it introduced that other
    documents cite (they move to the kept-works file)."""
    local = str(document).removeprefix(str(KB))
    path = contribution_path(layout, local)
    if not path.is_file():
        raise InputError(
            f"{compact(str(document))} has no contribution file ({path}): only imported documents "
            "can be withdrawn (the seed documents are part of the base knowledge base)"
        )
    old = read_graph(path)
    kept = Graph()
    for work in set(old.subjects(RDF.type, SMEO.Work)):
        citers = {
            r["source"]
            for row in lookup.describe([str(work)])
            for r in row["in"]
            if r["type"] == "citedWork"
        }
        if any(URIRef(c) not in set(old.subjects()) for c in citers):
            for triple in old.triples((work, None, None)):
                kept.add(triple)
    plan = plan_change(old, kept, lookup, list_keys, document)
    files = FileChanges()
    if len(kept):
        registry = read_graph(kept_works_path(layout)) + kept
        files.writes.append(
            (
                kept_works_path(layout),
                turtle(
                    registry,
                    "Works withdrawn contributions introduced that other documents still cite.",
                ),
            )
        )
    files.writes.append((path, None))
    return plan, files, path
