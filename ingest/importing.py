"""`smekg import SHEET [--bib FILE] [--text FILE] [--replace] [--dry-run]`: one document's
coding sheet (and bibliography, and text) into the knowledge base, as its own file."""

import logging
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from ingest.build.bibliography import with_bibliography
from ingest.build.builder import Texts
from ingest.build.iris import compact
from ingest.build.lookup import GraphLookup
from ingest.build.sheets import build_contribution
from ingest.contribute import (
    Outcome,
    check,
    input_hashes,
    next_records,
    publish,
    source_texts,
    statements_equal,
    sync,
)
from ingest.document_text import DocumentText, read_text
from ingest.errors import InputError, Where
from ingest.files import FileChanges, contribution_path, read_graph, turtle
from ingest.matching import Decisions
from ingest.plan import plan_change
from ingest.provenance import Curator, InputFile, provenance
from ingest.sheet.io import CodingSheet, read_workbook
from loaders.manifest import file_hash
from loaders.sources import Layout
from loaders.writer import WriterSession
from smekg.namespaces import KB
from smekg.progress import SILENT, Progress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportRequest:
    sheet: Path
    text: Path | None = None
    bibliography: Path | None = None
    decisions: Path | None = None
    replace: bool = False
    dry_run: bool = False


@dataclass(frozen=True)
class _Inputs:
    sheet: CodingSheet
    files: list[InputFile]
    decisions: Decisions | None
    text: DocumentText | None


def _read_inputs(request: ImportRequest) -> _Inputs:
    sheet = read_workbook(request.sheet)
    files = [InputFile("sheet", request.sheet.name, _hash_all(sheet.files))]
    if request.bibliography is not None:
        sheet = with_bibliography(sheet, request.bibliography)
        bib_hash = file_hash(request.bibliography.read_bytes())
        files.append(InputFile("bibliography", request.bibliography.name, bib_hash))
    text = read_text(request.text) if request.text is not None else None
    if text is not None:
        files.append(InputFile("text", text.name, text.sha256))
    return _Inputs(sheet, files, _decisions(request.decisions), text)


def import_sheet(
    writer: WriterSession,
    layout: Layout,
    request: ImportRequest,
    curator: Curator,
    sources_dir: Path,
    progress: Progress = SILENT,
) -> Outcome:
    """Check, plan and (unless a dry run) write and publish one contribution."""
    with progress.step("read the coding sheet, bibliography and text"):
        inputs = _read_inputs(request)
        manifest = sync(writer, layout, request.dry_run)
    lookup = GraphLookup(writer)
    own = inputs.text
    texts = Texts(
        own.text if own else None,
        source_texts(layout, sources_dir, lookup),
        own.name if own else None,
        own.sha256 if own else None,
    )
    rows = sum(len(r) for r in inputs.sheet.rows.values())
    with progress.step("resolve references, match works, check quotes", rows) as step:
        built = build_contribution(
            inputs.sheet,
            lookup,
            texts,
            inputs.decisions,
            lambda d: read_graph(_path(layout, d)),
            step.advance,
        )
    local = str(built.document).removeprefix(str(KB))
    path = contribution_path(layout, local)
    old = read_graph(path)
    if lookup.existing([str(built.document)]) and not path.is_file():
        raise InputError(
            f"{compact(str(built.document))} is part of the base knowledge base (no contribution "
            "file): give the document another id",
            Where(request.sheet, "documents", 2, "id"),
        )
    new = built.graph + provenance(local, built.document, curator, inputs.files)
    if path.is_file() and (
        statements_equal(old, new) or input_hashes(old) == {i.sha256 for i in inputs.files}
    ):
        log.info("%s is already imported as given: nothing changed", compact(str(built.document)))
        return Outcome(
            "import", built.document, None, path=path, unchanged=True, warnings=built.warnings
        )
    if path.is_file() and not request.replace:
        raise InputError(
            f"{compact(str(built.document))} is already in the knowledge base ({path}): "
            "use --replace to replace it",
            Where(request.sheet, "documents", 2),
        )
    with progress.step("plan and validate the change"):
        state = writer.state() or {}
        plan = plan_change(old, new, lookup, set(state.get("listKeys") or []), built.document)
        check(plan, layout)
    action = "replace" if path.is_file() else "import"
    records = next_records(layout, action, built.document, curator.name, plan, manifest)
    outcome = Outcome(action, built.document, plan, records[-1], path, warnings=built.warnings)
    if request.dry_run:
        return outcome
    with progress.step("write the files and publish"):
        header = _header(built.document, curator, inputs.files)
        files = FileChanges([(path, turtle(plan.contribution, header))])
        outcome.version = publish(writer, layout, plan, files, records, manifest)
    return outcome


def _path(layout: Layout, document: URIRef) -> Path:
    return contribution_path(layout, str(document).removeprefix(str(KB)))


def _decisions(path: Path | None) -> Decisions | None:
    if path is None:
        return None
    try:
        return Decisions.load(path)
    except (ValueError, OSError) as exc:
        raise InputError(f"cannot read the decisions: {exc}", Where(path)) from exc


def _hash_all(files: list[Path]) -> str:
    return file_hash(b"".join(file_hash(p.read_bytes()).encode() for p in files))


def _header(document: object, curator: Curator, inputs: list[InputFile]) -> str:
    used = ", ".join(f"{i.role} {i.name}" for i in inputs)
    return (
        f"Contribution of {compact(str(document))}, written by `smekg import` — edit the coding\n"
        f"sheet and re-import with --replace rather than editing this file.\n"
        f"Curated by {curator.name}; made from {used}."
    )
