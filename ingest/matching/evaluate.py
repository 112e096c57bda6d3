"""``python -m ingest.matching.evaluate``: measure the work matcher on the knowledge base's
works (seeded perturbations, exported as BibTeX and RIS, read back and matched) and print the
table per perturbation kind. ``--markdown`` prints it for docs/work-matching.md."""

import argparse
import sys
from pathlib import Path
from typing import Final

from rich.console import Console
from rich.table import Table

from ingest.matching.evaluation.kb_works import kb_works, read_kb
from ingest.matching.evaluation.measure import FORMATS, Report, Tally, evaluate

DEFAULT_SEED: Final = 10
ONTOLOGY: Final = Path(__file__).resolve().parents[2] / "ontology"
COLUMNS: Final = (
    "perturbation",
    "entries",
    "merged right",
    "to curator",
    "lost",
    "false merges",
    "recall",
    "reached",
    "titled recall",
    "left out: new / to curator / merged",
)


def _percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def _row(kind: str, tally: Tally) -> list[str]:
    return [
        kind,
        str(tally.entries),
        str(tally.correct),
        str(tally.review),
        str(tally.lost),
        str(len(tally.false_merges)),
        _percent(tally.recall),
        _percent(tally.reached),
        f"{_percent(tally.titled_recall)} of {tally.titled}",
        f"{tally.held_out_new} / {tally.held_out_ambiguous} / {len(tally.held_out_merges)}",
    ]


def _rows(report: Report) -> list[list[str]]:
    rows = [_row(kind, tally) for kind, tally in report.by_kind.items() if tally.entries]
    return [*rows, _row("all", report.total)]


def _notes(report: Report) -> list[str]:
    total = report.total
    lone_recall = (total.correct + total.lone_right) / total.entries if total.entries else 1.0
    collided = sum(len(v) for v in report.collided.values())
    mean_listed = total.listed / total.review if total.review else 0.0
    return [
        f"{report.format}, seed {report.seed}, {report.works} works, {total.entries} entries; "
        f"precision {_percent(total.precision)}, false merges {len(report.false_merges)}.",
        f"Stops for the curator list {mean_listed:.1f} candidates on average.",
        f"Accepting a lone candidate without conclusive evidence would raise recall to "
        f"{_percent(lone_recall)} and make {total.lone_wrong} false merges (left-out works).",
        f"Perturbations not made because every draw collided with another work's record: "
        f"{collided}; entries changed by the write/read round trip: "
        f"{len(report.round_trip_changes)}; outcomes changed by comparing only the blocked "
        f"candidates (blocking_keys): {len(report.blocking_changes)}.",
    ]


def _markdown(report: Report) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in _rows(report)]
    return "\n".join([*lines, "", *(f"- {note}" for note in _notes(report)), ""])


def _table(report: Report) -> Table:
    table = Table(title=f"Work matcher on the knowledge base ({report.format})")
    for column in COLUMNS:
        table.add_column(column, justify="left" if column == "perturbation" else "right")
    for row in _rows(report):
        table.add_row(*row)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY)
    parser.add_argument("--format", choices=sorted(FORMATS), action="append")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    works = kb_works(read_kb(args.ontology))
    console = Console()
    failed = False
    for format_name in args.format or list(FORMATS):
        report = evaluate(works, args.seed, format_name)
        failed = failed or bool(report.false_merges)
        if args.markdown:
            sys.stdout.write(_markdown(report) + "\n")
        else:
            console.print(_table(report))
            for note in _notes(report):
                console.print(note)
            for merge in report.false_merges:
                console.print(f"[red]false merge[/red] {merge}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
