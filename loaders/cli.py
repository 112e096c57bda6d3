"""Command line: ``smekg validate | check-quotes | check-owl | load | export | stats``.

Exit status 0 on success, 1 when the input or the database is at fault (the message says
what and where), 2 on bad usage.
"""

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from loaders.errors import LoadError
from loaders.owl_check import check as owl_check
from loaders.pipeline import export_graph, load, read_valid_graph
from loaders.quote_check import quote_problems
from loaders.recall import pairs as recall_pairs
from loaders.sources import Layout, parse_files
from loaders.stats import class_counts
from smekg.database import DatabaseUnavailableError, open_driver
from smekg.settings import get_settings

log = logging.getLogger("smekg")


def _layout(args: argparse.Namespace) -> Layout:
    return Layout(Path(args.ontology or get_settings().smekg_ontology_dir))


def _validate(args: argparse.Namespace) -> int:
    layout = _layout(args)
    graph = read_valid_graph(layout)
    log.info("valid: %d triples in %d files", len(graph), len(layout.data_files))
    return 0


def _check_quotes(args: argparse.Namespace) -> int:
    graph = parse_files(_layout(args).data_files)
    sources = Path(args.sources or get_settings().smekg_sources_dir)
    problems = quote_problems(graph, sources)
    for problem in problems:
        log.error("%s", problem)
    log.info("%d quote problem(s) in %s", len(problems), sources)
    return 1 if problems else 0


def _check_owl(args: argparse.Namespace) -> int:
    report = owl_check(parse_files(_layout(args).data_files))
    (log.info if report.ok else log.error)("%s", report)
    return 0 if report.ok else 1


def _recall(args: argparse.Namespace) -> int:
    graph = parse_files(_layout(args).data_files)
    found = recall_pairs(graph, Path(args.sources or get_settings().smekg_sources_dir))
    for pair in found:
        if args.all or not pair.encoded:
            mark = "encoded" if pair.encoded else "open"
            sys.stdout.write(f"{mark}\t{pair.document}\t{pair.work}\t{pair.sentence}\n")
    for document in sorted({p.document for p in found}):
        mine = [p for p in found if p.document == document]
        log.info(
            "%s: %d (sentence, cited work) pairs in %d sentences; %d rest under a finding",
            document,
            len(mine),
            len({p.sentence for p in mine}),
            sum(p.encoded for p in mine),
        )
    return 0


def _load(args: argparse.Namespace) -> int:
    settings = get_settings()
    layout = _layout(args)
    driver = open_driver(settings)
    try:
        load(layout, driver, settings.neo4j_database)
    finally:
        driver.close()
    return 0


def _export(args: argparse.Namespace) -> int:
    settings = get_settings()
    driver = open_driver(settings)
    try:
        graph = export_graph(driver, settings.neo4j_database)
    finally:
        driver.close()
    sys.stdout.write(graph.serialize(format=args.format))
    return 0


def _stats(args: argparse.Namespace) -> int:
    graph = parse_files(_layout(args).data_files)
    for name, count in class_counts(graph):
        sys.stdout.write(f"{name:<24}{count:>7}\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smekg", description=__doc__)
    parser.add_argument("--ontology", help="ontology folder (default: $SMEKG_ONTOLOGY_DIR)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="parse and check shapes and SPARQL checks").set_defaults(
        run=_validate
    )
    quotes = sub.add_parser("check-quotes", help="check every quote against the source texts")
    quotes.add_argument("--sources", help="folder of the source texts ($SMEKG_SOURCES_DIR)")
    quotes.set_defaults(run=_check_quotes)
    sub.add_parser(
        "check-owl", help="consistency (HermiT) and the OWL 2 DL profile (ROBOT) of KB + ontology"
    ).set_defaults(run=_check_owl)
    recall = sub.add_parser(
        "recall", help="(sentence, cited work) pairs of the texts and which rest under a finding"
    )
    recall.add_argument("--sources", help="folder of the source texts ($SMEKG_SOURCES_DIR)")
    recall.add_argument("--all", action="store_true", help="list encoded pairs too")
    recall.set_defaults(run=_recall)
    sub.add_parser("load", help="validate, then replace the knowledge base in Neo4j").set_defaults(
        run=_load
    )
    exporter = sub.add_parser("export", help="write the stored knowledge base as RDF to stdout")
    exporter.add_argument("--format", default="turtle", choices=["turtle", "nt", "json-ld", "xml"])
    exporter.set_defaults(run=_export)
    sub.add_parser("stats", help="count the knowledge base's nodes per class").set_defaults(
        run=_stats
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except (LoadError, DatabaseUnavailableError) as exc:
        log.error("error: %s", exc)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
