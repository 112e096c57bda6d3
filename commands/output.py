"""What the command line shows people: one line per error (file:sheet:row:column first),
progress of the long steps, and tables of what changed. No tracebacks for expected errors."""

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import click
import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ingest.errors import InputError, InputProblemsError
from ingest.export.rows import ExportError
from loaders.errors import LoadError
from smekg.database import DatabaseUnavailableError
from smekg.history import Change, HistoryError
from smekg.progress import Step

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)
EXPECTED = (
    InputError,
    InputProblemsError,
    LoadError,
    DatabaseUnavailableError,
    ExportError,
    HistoryError,
)


def setup_logging(verbose: bool) -> None:
    handler = RichHandler(console=err, show_time=False, show_path=False, markup=False)
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO, format="%(message)s", handlers=[handler]
    )
    logging.getLogger("neo4j").setLevel(logging.WARNING)


def run_safely(app: typer.Typer) -> int:
    """Run the app; expected errors become one line each and exit status 1."""
    try:
        app(standalone_mode=False)
    except EXPECTED as exc:
        for line in str(exc).splitlines():
            err.print(f"[bold red]error:[/] {line}" if not line.startswith("  ") else line)
        return 1
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        err.print("aborted")
        return 130
    return 0


class _Task:
    def __init__(self, progress: Progress, task: TaskID) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: int = 1) -> None:
        self._progress.advance(self._task, amount)


class Bars:
    """A `Progress` drawn by Rich on stderr: a bar per step with a total, a spinner
    otherwise; each finished step stays as one line with its time."""

    def __init__(self) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not sys.stderr.isatty(),
        )

    def __enter__(self) -> "Bars":
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    @contextmanager
    def step(self, name: str, total: int | None = None) -> Iterator[Step]:
        task = self._progress.add_task(name, total=total)
        start = time.monotonic()
        yield _Task(self._progress, task)
        self._progress.remove_task(task)
        err.print(f"[green]✓[/] {name} ({time.monotonic() - start:.1f} s)")


@contextmanager
def step(description: str) -> Iterator[None]:
    """A spinner with elapsed time while one step runs (on stderr, gone when it ends)."""
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not sys.stderr.isatty(),
    ) as progress:
        progress.add_task(description, total=None)
        yield
    err.print(f"[green]✓[/] {description}")


def changes_table(changes: list[Change], title: str) -> Table:
    """Added / removed / changed statements per kind."""
    counts: dict[str, list[int]] = {}
    for change in changes:
        row = counts.setdefault(change.kind, [0, 0, 0])
        row[("added", "removed", "changed").index(change.op)] += 1
    table = Table(title=title, title_justify="left")
    for name in ("statement kind", "added", "removed", "changed"):
        table.add_column(name, justify="left" if name == "statement kind" else "right")
    for kind, (added, removed, changed) in sorted(counts.items()):
        table.add_row(kind, str(added), str(removed), str(changed))
    if not counts:
        table.add_row("(nothing)", "0", "0", "0")
    return table
