"""The write side's commands: template, import, withdraw, export-sheet, retract."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rdflib import URIRef

from commands.kb import Ontology, Sources, layout_of, sources_of
from commands.output import Bars, changes_table, err, out, setup_logging, step
from ingest.build.iris import compact, parse_iri
from ingest.contribute import Outcome
from ingest.correcting import KINDS, retract
from ingest.errors import InputError
from ingest.export.document import export_documents, required_predicates
from ingest.importing import ImportRequest, import_sheet
from ingest.provenance import Curator
from ingest.sheet.io import write_workbook
from ingest.withdrawing import withdraw
from loaders.sources import Layout, parse_files
from loaders.writer import WriterSession, writer_session
from smekg.database import open_driver
from smekg.settings import get_settings

DryRun = Annotated[bool, typer.Option("--dry-run", help="show what would change; write nothing")]
Wait = Annotated[bool, typer.Option(help="wait for another write to finish (--no-wait: refuse)")]


def curator() -> Curator:
    settings = get_settings()
    if not settings.smekg_curator.strip():
        raise InputError(
            "set SMEKG_CURATOR to your name (and SMEKG_CURATOR_ORCID to your ORCID iD): "
            "every contribution names its curator"
        )
    return Curator(settings.smekg_curator.strip(), settings.smekg_curator_orcid.strip() or None)


def document_iri(text: str) -> URIRef:
    iri = parse_iri(text if ":" in text else f"kb:{text}")
    if iri is None:
        raise InputError(f"{text!r} is not a document id (write kb:doc-… or its IRI)")
    return iri


@contextmanager
def writer(wait: bool) -> Iterator[WriterSession]:
    settings = get_settings()
    driver = open_driver(settings)
    try:
        with writer_session(driver, settings.neo4j_database, wait=wait) as session:
            yield session
    finally:
        driver.close()


def report(outcome: Outcome, dry_run: bool) -> None:
    for warning in outcome.warnings:
        err.print(f"[yellow]warning:[/] {warning}")
    if outcome.unchanged:
        out.print(
            f"{compact(str(outcome.document))}: already imported with these inputs; nothing changed"
        )
        return
    plan = outcome.plan
    if plan is None or outcome.version is None:
        return
    verb = "would change" if dry_run else "changed"
    out.print(
        changes_table(plan.changes, f"{outcome.action} {compact(str(outcome.document))}: {verb}")
    )
    if dry_run:
        for change in plan.changes:
            out.print(f"  {change.op:<8} {change.kind:<20} {compact(change.iri)}  {change.label}")
        out.print("dry run: nothing written")
    else:
        out.print(
            f"knowledge base version {outcome.version.number} ({outcome.version.id}); "
            f"file {outcome.path}"
        )


def template(
    path: Annotated[Path, typer.Argument(help="PATH.xlsx, or PATH.csv for one CSV file per sheet")],
) -> None:
    """Write an empty, documented coding sheet."""
    written = write_workbook(path, {})
    out.print(f"wrote {', '.join(str(p) for p in written)}")


def import_command(
    sheet: Annotated[
        Path, typer.Argument(help="the coding sheet (.xlsx, or .csv for PATH.<sheet>.csv files)")
    ],
    text: Annotated[
        Path | None, typer.Option("--text", help="the document's text (.txt or .pdf)")
    ] = None,
    bib: Annotated[
        Path | None, typer.Option("--bib", help="its reference list: BibTeX, RIS or CSL-JSON")
    ] = None,
    decisions: Annotated[
        Path | None, typer.Option(help="the curator's work decisions (.toml or .json)")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="replace the document's earlier import")
    ] = False,
    dry_run: DryRun = False,
    wait: Wait = True,
    ontology: Ontology = None,
    sources: Sources = None,
) -> None:
    """Import one coded document: checked, written as its own file, published incrementally."""
    setup_logging(False)
    who = curator()
    request = ImportRequest(sheet, text, bib, decisions, replace, dry_run)
    with writer(wait) as session, Bars() as bars:
        outcome = import_sheet(
            session, layout_of(ontology), request, who, sources_of(sources), bars
        )
    report(outcome, dry_run)


def withdraw_command(
    document: Annotated[str, typer.Argument(help="the document's id, e.g. kb:doc-smith2020")],
    dry_run: DryRun = False,
    wait: Wait = True,
    ontology: Ontology = None,
) -> None:
    """Take an imported document's statements out of the knowledge base."""
    setup_logging(False)
    who = curator()
    with writer(wait) as session, step("plan and publish the withdrawal"):
        outcome = withdraw(session, layout_of(ontology), document_iri(document), who.name, dry_run)
    report(outcome, dry_run)


def export_sheet(
    documents: Annotated[
        list[str], typer.Argument(help="document ids, in the order they would be imported")
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="folder for the sheets")] = Path("."),
    fmt: Annotated[str, typer.Option("--format", help="xlsx or csv")] = "xlsx",
    ontology: Ontology = None,
) -> None:
    """Write documents' statements as filled coding sheets (one per document)."""
    if fmt not in ("xlsx", "csv"):
        raise typer.BadParameter("xlsx or csv", param_hint="--format")
    layout: Layout = layout_of(ontology)
    order = [document_iri(d) for d in documents]
    sheets = export_documents(parse_files(layout.data_files), order, required_predicates(layout))
    out_dir.mkdir(parents=True, exist_ok=True)
    for document, rows in zip(order, sheets, strict=True):
        target = out_dir / f"{str(document).rsplit('/', 1)[-1]}.{fmt}"
        write_workbook(target, rows)
        counts = ", ".join(f"{len(v)} {k}" for k, v in rows.items())
        out.print(f"{compact(str(document))} -> {target}: {counts}")


def retract_command(
    work: Annotated[str, typer.Argument(help="the work's id, e.g. kb:work-burgel2001")],
    reason: Annotated[str, typer.Option(help="why it was retracted or corrected")],
    notice: Annotated[str, typer.Option(help="the notice: its URL or its citation")],
    kind: Annotated[str, typer.Option(help=", ".join(KINDS))] = "retraction",
    dry_run: DryRun = False,
    wait: Wait = True,
    ontology: Ontology = None,
) -> None:
    """Record that a cited work was retracted or corrected (a contribution of its own)."""
    setup_logging(False)
    who = curator()
    with writer(wait) as session, step("record and publish the correction"):
        outcome = retract(
            session, layout_of(ontology), document_iri(work), kind, reason, notice, who, dry_run
        )
    report(outcome, dry_run)


def register(app: typer.Typer) -> None:
    commands: list[tuple[str, Callable[..., None]]] = [
        ("template", template),
        ("import", import_command),
        ("withdraw", withdraw_command),
        ("export-sheet", export_sheet),
        ("retract", retract_command),
    ]
    for name, function in commands:
        app.command(name)(function)
