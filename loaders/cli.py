"""Command line: `smekg validate|check-quotes|load|export|stats`."""

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from loaders.errors import LoadError
from loaders.quote_check import quote_problems
from loaders.sources import Layout, parse_files
from loaders.validate import ensure_valid

log = logging.getLogger("smekg")


def _validate(args: argparse.Namespace) -> int:
    layout = Layout(Path(args.ontology))
    graph = parse_files(layout.data_files)
    ensure_valid(graph, layout)
    log.info("valid: %d triples in %d files", len(graph), len(layout.data_files))
    return 0


def _check_quotes(args: argparse.Namespace) -> int:
    layout = Layout(Path(args.ontology))
    graph = parse_files(layout.data_files)
    problems = quote_problems(graph, Path(args.sources))
    for problem in problems:
        log.error("%s", problem)
    log.info("%d quote problem(s)", len(problems))
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smekg", description=__doc__)
    parser.add_argument("--ontology", default="ontology", help="ontology folder (default: ontology)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="parse and check SHACL shapes and SPARQL checks").set_defaults(
        run=_validate
    )
    quotes = sub.add_parser("check-quotes", help="check every quote against the source texts")
    quotes.add_argument("--sources", default="../shared/seeds", help="folder of the source texts")
    quotes.set_defaults(run=_check_quotes)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except LoadError as exc:
        log.error("error: %s", exc)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
