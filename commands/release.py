"""The knowledge base's versions and releases."""

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from commands.contrib import Wait, curator, writer
from commands.kb import Ontology, layout_of
from commands.output import out, setup_logging, step
from ingest.build.iris import compact
from ingest.release import release
from smekg.history import read_history


def versions(ontology: Ontology = None) -> None:
    """List the recorded versions of the knowledge base."""
    table = Table("number", "content id", "time", "action", "document", "curator", "changes")
    for record in read_history(layout_of(ontology).history_file):
        summary = ", ".join(
            f"{kind} +{c['added']} -{c['removed']} ~{c['changed']}"
            for kind, c in sorted(record.summary().items())
        )
        document = compact(record.document) if record.document else ""
        table.add_row(
            str(record.number),
            record.id,
            record.time,
            record.action,
            document,
            record.curator or "",
            summary,
        )
    out.print(table)


def release_command(
    version: Annotated[str, typer.Argument(help="the release, MAJOR.MINOR.PATCH (e.g. 1.0.0)")],
    out_dir: Annotated[Path, typer.Option("--out", help="where release folders go")] = Path(
        "dist/releases"
    ),
    wait: Wait = True,
    ontology: Ontology = None,
) -> None:
    """Cut a citable release: version IRI, CHANGELOG entry, dumps, RO-Crate, CITATION.cff."""
    setup_logging(False)
    who = curator()
    with writer(wait) as session, step(f"release {version}"):
        released = release(session, layout_of(ontology), version, out_dir, who.name)
    out.print(f"release {version} of knowledge base {released.record.id} in {released.folder}:")
    for name in released.files:
        out.print(f"  {name}")


def register(app: typer.Typer) -> None:
    app.command()(versions)
    app.command("release")(release_command)
