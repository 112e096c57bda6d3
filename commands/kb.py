"""The read side's commands: validate, check-quotes, context, load, export, stats."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from commands.output import Bars, err, out, setup_logging, step
from ingest.context import context_path, context_turtle, excerpt_context
from loaders.owl_check import check as owl_check
from loaders.pipeline import export_graph, load, read_valid_files
from loaders.quote_check import quote_problems
from loaders.recall import OmissionError, read_omissions
from loaders.recall import coverage as recall_coverage
from loaders.recall import pairs as recall_pairs
from loaders.sources import Layout, parse_files
from loaders.stats import class_counts
from smekg.database import open_driver
from smekg.history import write_atomically
from smekg.settings import get_settings

Ontology = Annotated[
    Path | None, typer.Option("--ontology", help="ontology folder (default: $SMEKG_ONTOLOGY_DIR)")
]
Sources = Annotated[
    Path | None, typer.Option("--sources", help="the source texts (default: $SMEKG_SOURCES_DIR)")
]


def layout_of(ontology: Path | None) -> Layout:
    return Layout(ontology or get_settings().smekg_ontology_dir)


def sources_of(sources: Path | None) -> Path:
    return sources or get_settings().smekg_sources_dir


def validate(ontology: Ontology = None) -> None:
    """Parse the knowledge base and check every shape and SPARQL check."""
    setup_logging(False)
    layout = layout_of(ontology)
    with step("parse and validate"):
        parsed = read_valid_files(layout)
    out.print(f"valid: {parsed.triples} triples in {len(layout.data_files)} files")


def check_quotes(ontology: Ontology = None, sources: Sources = None) -> None:
    """Check every quote (and the words stored around it) against the source texts."""
    setup_logging(False)
    folder = sources_of(sources)
    if not folder.is_dir():
        err.print(f"[bold red]error:[/] no source texts folder {folder} (set SMEKG_SOURCES_DIR)")
        raise typer.Exit(1)
    report = quote_problems(parse_files(layout_of(ontology).data_files), folder)
    for problem in report.problems:
        err.print(f"[bold red]error:[/] {problem}")
    for line in report.unchecked:
        err.print(f"[yellow]warning:[/] {line}")
    out.print(f"{report.checked} quote(s) checked in {folder}: {len(report.problems)} problem(s)")
    if report.problems:
        raise typer.Exit(1)


def check_owl(ontology: Ontology = None) -> None:
    """Consistency (HermiT) and the OWL 2 DL profile (ROBOT) of the ontology with its KB."""
    setup_logging(False)
    with step("reason (HermiT) and check the OWL 2 DL profile (ROBOT)"):
        report = owl_check(parse_files(layout_of(ontology).data_files))
    (out if report.ok else err).print(str(report))
    if not report.ok:
        raise typer.Exit(1)


def recall(
    ontology: Ontology = None,
    sources: Sources = None,
    omissions: Annotated[
        Path | None,
        typer.Option(help="the omission table (default: docs/recall.md beside the ontology)"),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="list every pair, not only open")] = False,
) -> None:
    """(sentence, cited work) pairs of the source texts: encoded (under a finding), omitted
    (listed with why in docs/recall.md) or open. Exits 1 while a pair is open or a row of the
    omission table matches no pair left to explain."""
    layout = layout_of(ontology)
    table = omissions or layout.root.resolve().parent / "docs" / "recall.md"
    try:
        listed = read_omissions(table)
    except (OSError, OmissionError) as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(1) from None
    status = recall_coverage(
        recall_pairs(parse_files(layout.data_files), sources_of(sources)), listed
    )
    rows = [("encoded", p) for p in status.encoded] if show_all else []
    rows += [(f"omitted:{o.reason.value}", p) for p, o in status.omitted] if show_all else []
    rows += [("open", p) for p in status.open]
    for mark, pair in rows:
        sys.stdout.write(f"{mark}\t{pair.document}\t{pair.work}\t{pair.sentence}\n")
    every = status.encoded + [p for p, _ in status.omitted] + status.open
    for document in sorted({p.document for p in every}):
        mine = [p for p in every if p.document == document]
        omitted = sum(p.document == document for p, _ in status.omitted)
        err.print(
            f"{document}: {len(mine)} (sentence, cited work) pairs in "
            f"{len({p.sentence for p in mine})} sentences; {sum(p.encoded for p in mine)} "
            f"under a finding, {omitted} deliberately not encoded, "
            f"{sum(p.document == document for p in status.open)} open"
        )
    for stale in status.stale:
        err.print(f"[bold red]error:[/] {table}:{stale.line}: matches no pair left to explain")
    if status.open or status.stale:
        raise typer.Exit(1)


def context(ontology: Ontology = None, sources: Sources = None) -> None:
    """Regenerate ontology/kb/excerpt-context.ttl (the words around each seed quote)."""
    setup_logging(False)
    layout = layout_of(ontology)
    graph, missing = excerpt_context(layout, sources_of(sources))
    if missing:
        err.print(f"[bold red]error:[/] texts missing: {'; '.join(missing)}")
        raise typer.Exit(1)
    write_atomically(context_path(layout), context_turtle(graph))
    out.print(f"{len(graph) // 2} excerpts given their context in {context_path(layout)}")


def load_command(
    ontology: Ontology = None,
    sources: Sources = None,
    force: Annotated[bool, typer.Option(help="load even if the files are unchanged")] = False,
    wait: Annotated[bool, typer.Option(help="wait for another write to finish")] = True,
) -> None:
    """Validate, then publish the knowledge base in Neo4j (skipped when nothing changed)."""
    setup_logging(False)
    settings = get_settings()
    driver = open_driver(settings)
    try:
        with Bars() as bars:
            report = load(
                layout_of(ontology),
                driver,
                settings.neo4j_database,
                wait=wait,
                force=force,
                sources_dir=sources_of(sources),
                progress=bars,
            )
    finally:
        driver.close()
    what = "unchanged" if report.skipped else f"{report.triples} triples, {report.nodes} nodes"
    out.print(f"knowledge base version {report.number} ({report.version}): {what}")


def export(
    format: Annotated[str, typer.Option(help="turtle, nt, json-ld or xml")] = "turtle",
) -> None:
    """Write the stored knowledge base as RDF to standard output."""
    if format not in ("turtle", "nt", "json-ld", "xml"):
        raise typer.BadParameter("one of turtle, nt, json-ld, xml", param_hint="--format")
    settings = get_settings()
    driver = open_driver(settings)
    try:
        graph = export_graph(driver, settings.neo4j_database)
    finally:
        driver.close()
    sys.stdout.write(graph.serialize(format=format))


def stats(ontology: Ontology = None) -> None:
    """Count the knowledge base's nodes per class."""
    for name, count in class_counts(parse_files(layout_of(ontology).data_files)):
        out.print(f"{name:<24}{count:>7}")


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command("check-quotes")(check_quotes)
    app.command("check-owl")(check_owl)
    app.command()(recall)
    app.command()(context)
    app.command("load")(load_command)
    app.command()(export)
    app.command()(stats)
