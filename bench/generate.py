"""Deterministic scale generator: k renamed copies of the real knowledge base, as Turtle.

Copy 0 keeps the real IRIs (so scale 1 *is* the real knowledge base and the competency
questions' IDs exist at every scale); copy i > 0 suffixes every ``kb:`` IRI with ``-s<i>``.
Literals are copied verbatim, so degree distributions and text lengths are exactly the
real ones, k times over. The ontology (``sme.ttl``), shapes and checks are copied once.

The output is laid out like ``ontology/`` so ``loaders.pipeline.load(Layout(dir), ...)``
loads it. Each copy is one ``kb/copy-NNNN.ttl`` file written as N-Triples (a subset of
Turtle, and much faster to write than rdflib's pretty Turtle at 100x). Triples within a
file are shuffled by ``random.Random(seed)`` so no loader profits from sorted input; the
output is byte-identical for the same (source, k, seed).

    python -m bench.generate --scale 10 --out /tmp/kb10
"""

import argparse
import logging
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from loaders.sources import Layout, parse_files
from smekg.namespaces import KB as KB_NS

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
KB = str(KB_NS)


@dataclass(frozen=True)
class Generated:
    layout: Layout
    scale: int
    seed: int
    triples: int  # expected triples of the whole layout (ontology + k copies)


def kb_triples(source: Path = ONTOLOGY) -> list[tuple[Node, Node, Node]]:
    """The knowledge base's triples (kb/*.ttl, without the ontology), in a stable order."""
    graph = parse_files(sorted((source / "kb").glob("*.ttl")))
    return sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))


def _renamed(term: Node, suffix: str) -> Node:
    if suffix and isinstance(term, URIRef) and str(term).startswith(KB):
        return URIRef(str(term) + suffix)
    return term


def _line(s: Node, p: Node, o: Node) -> str:
    if not (isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef | Literal)):
        raise ValueError(f"unsupported triple {s!r} {p!r} {o!r}")
    return f"{s.n3()} {p.n3()} {o.n3()} .\n"


def generate(out: Path, scale: int, seed: int = 1, source: Path = ONTOLOGY) -> Generated:
    """Write k = `scale` copies of the knowledge base under `out` (created or emptied)."""
    if scale < 1:
        raise ValueError("scale must be >= 1")
    if out.exists():
        shutil.rmtree(out)
    (out / "kb").mkdir(parents=True)
    shutil.copy(source / "sme.ttl", out / "sme.ttl")
    shutil.copytree(source / "shapes", out / "shapes")
    shutil.copytree(source / "checks", out / "checks")
    base = kb_triples(source)
    rng = random.Random(seed)
    for copy in range(scale):
        suffix = f"-s{copy}" if copy else ""
        lines = [_line(_renamed(s, suffix), p, _renamed(o, suffix)) for s, p, o in base]
        rng.shuffle(lines)
        (out / "kb" / f"copy-{copy:04d}.ttl").write_text("".join(lines), encoding="utf-8")
    ontology = Graph().parse(source / "sme.ttl", format="turtle")
    triples = len(ontology) + scale * len(base)
    log.info("generated scale %d (%d triples) in %s", scale, triples, out)
    return Generated(Layout(out), scale, seed, triples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    result = generate(args.out, args.scale, args.seed)
    sys.stdout.write(f"{result.triples} triples in {result.layout.root}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
