"""The knowledge base's versions (and, later in this file, releases)."""

import typer
from rich.table import Table

from commands.kb import Ontology, layout_of
from commands.output import out
from ingest.build.iris import compact
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


def register(app: typer.Typer) -> None:
    app.command()(versions)
