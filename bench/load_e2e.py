"""One end-to-end load in its own process: `python -m bench.load_e2e --ontology DIR`.

Empties the database named by the app's settings (unless `--over-stored`: the reload case,
the new knowledge base swapped in over the stored one), then runs `loaders.pipeline.load`
(force) of the folder: Oxigraph parse, SHACL by parts and the SPARQL checks, mapping, staged write
and swap. Prints one JSON object: the wall time, the pipeline's own step timings and this
process's peak resident set size (a fresh process, so the peak is this load's alone).
Quotes are not checked (no source texts for generated copies; the peer checks none either).
"""

import argparse
import json
import resource
import sys
import time
from dataclasses import asdict
from pathlib import Path

from bench.load_bench import clear_database
from loaders.pipeline import load
from loaders.sources import Layout
from smekg.database import open_driver
from smekg.settings import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ontology", type=Path, required=True)
    parser.add_argument("--memory-limit-mib", type=int, help="address-space limit")
    parser.add_argument(
        "--over-stored", action="store_true", help="keep what is stored: time a reload over it"
    )
    args = parser.parse_args(argv)
    if args.memory_limit_mib:
        limit = args.memory_limit_mib * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    settings = get_settings()
    driver = open_driver(settings)
    try:
        if not args.over_stored:
            clear_database(driver, settings.neo4j_database)
        start = time.perf_counter()
        report = load(Layout(args.ontology), driver, settings.neo4j_database, force=True)
        seconds = time.perf_counter() - start
    finally:
        driver.close()
    result = {
        "seconds": seconds,
        "triples": report.triples,
        "nodes": report.nodes,
        "relationships": report.relationships,
        "read": asdict(report.read_timings) if report.read_timings else None,
        "write": asdict(report.timings) if report.timings else None,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
