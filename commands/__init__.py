"""`smekg`: the command line for both sides — validate, load and export the knowledge base;
code, import, withdraw, correct and release documents. Typer + Rich (decision 0017)."""

import sys

import typer

from commands import contrib, kb, release
from commands.output import run_safely

app = typer.Typer(
    name="smekg",
    help=__doc__,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
kb.register(app)
contrib.register(app)
release.register(app)


def main() -> None:
    """The console script: exit 0 on success, 1 when the input or the database is at fault
    (the message says what and where), 2 on bad usage."""
    sys.exit(run_safely(app))
