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

Above 100x, parsing the Turtle is the bottleneck (rdflib: minutes per million triples), so
`scaled_graph` builds the same scaled knowledge base at the property-graph level instead:
``scaled_graph().graphs(k)`` yields exactly the nodes and relationships of
``to_property_graph(parse_files(generate(out, k).layout.data_files))``, one copy at a time,
never holding k copies in memory (``tests/bench/test_generate.py`` checks the equality).
"""

import argparse
import logging
import random
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from loaders.mapping import EdgeRecord, NodeRecord, PropertyGraph, to_property_graph
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


def _suffix(copy: int) -> str:
    return f"-s{copy}" if copy else ""


@dataclass(frozen=True)
class ScaledGraph:
    """The mapped property graph of ``generate(k)`` for any k, as a fixed part and a template.

    Built from the mapping of scale 2 (`scaled_graph`): `fixed` is scale 1 (copy 0 with the
    ontology's own nodes, shared by every copy: classes, properties, stances, ...), and
    `template` is copy 1 with its IRIs spelled as in copy 0 (`renamed` lists them). Copy i
    is the template with those IRIs (as node ``iri`` and as relationship ends) suffixed with
    ``-s<i>``; labels, types and property values are the same in every copy, as in the
    Turtle, where only subjects and objects in the kb: namespace are renamed. Relationships
    from a copy to a shared node (e.g. ``-[:stance]->`` a smeo: stance) belong to the copy.
    """

    fixed: PropertyGraph
    template: PropertyGraph
    renamed: frozenset[str]
    fixed_triples: int
    copy_triples: int

    def copy(self, number: int) -> PropertyGraph:
        """Copy `number` >= 1: the nodes and relationships that copy adds to the graph."""
        if number < 1:
            raise ValueError("copy 0 is `fixed`; copies start at 1")
        suffix = _suffix(number)
        renamed = self.renamed
        nodes = [
            NodeRecord(n.iri + suffix, n.labels, {**n.props, "iri": n.iri + suffix})
            for n in self.template.nodes
        ]
        edges = [
            EdgeRecord(
                e.source + suffix if e.source in renamed else e.source,
                e.type,
                e.target + suffix if e.target in renamed else e.target,
            )
            for e in self.template.edges
        ]
        return PropertyGraph(nodes, edges)

    def graphs(self, scale: int) -> Iterator[PropertyGraph]:
        """Scale k as k parts (the fixed part, then copies 1..k-1): together, the mapping."""
        if scale < 1:
            raise ValueError("scale must be >= 1")
        yield self.fixed
        for number in range(1, scale):
            yield self.copy(number)

    def nodes(self, scale: int) -> int:
        return len(self.fixed.nodes) + (scale - 1) * len(self.template.nodes)

    def relationships(self, scale: int) -> int:
        return len(self.fixed.edges) + (scale - 1) * len(self.template.edges)

    def triples(self, scale: int) -> int:
        """Triples of the parsed ``generate(k)`` output (what the loader reports)."""
        return self.fixed_triples + (scale - 1) * self.copy_triples


def scaled_graph(source: Path = ONTOLOGY) -> ScaledGraph:
    """Map scale 2 once (generated, parsed, mapped as the loader does) and split it.

    Mapping two copies rather than one keeps every rule of the mapping exact without
    re-implementing it: which keys are lists (a key with several values on *any* node),
    the dedup of triples the copies share, and which relationships reach shared nodes.
    """
    base = kb_triples(source)
    kb_iris = {str(t) for s, _, o in base for t in (s, o) if _is_kb(t)}
    if any(p == RDF.type and _is_kb(o) for _, p, o in base):
        raise ValueError("a kb: class would be renamed per copy (a label per copy): unsupported")
    copy_one = {iri + _suffix(1) for iri in kb_iris}
    if copy_one & kb_iris:
        raise ValueError("copy 1 renames a kb: IRI onto another one: the copies would overlap")
    with tempfile.TemporaryDirectory(prefix="smekg-scaled-") as tmp:
        generated = generate(Path(tmp) / "ontology", 2, source=source)
        graph = parse_files(generated.layout.data_files)
    copy_triples = sum(1 for s, _, o in graph if str(s) in copy_one or str(o) in copy_one)
    mapped = to_property_graph(graph)
    cut = len(_suffix(1))
    fixed, template = PropertyGraph(), PropertyGraph()
    for node in mapped.nodes:
        if node.iri in copy_one:
            base_iri = node.iri[:-cut]
            template.nodes.append(
                NodeRecord(base_iri, node.labels, {**node.props, "iri": base_iri})
            )
        else:
            fixed.nodes.append(node)
    for edge in mapped.edges:
        if edge.source in copy_one or edge.target in copy_one:
            template.edges.append(
                EdgeRecord(
                    edge.source[:-cut] if edge.source in copy_one else edge.source,
                    edge.type,
                    edge.target[:-cut] if edge.target in copy_one else edge.target,
                )
            )
        else:
            fixed.edges.append(edge)
    return ScaledGraph(
        fixed=fixed,
        template=template,
        renamed=frozenset(kb_iris),
        fixed_triples=len(graph) - copy_triples,
        copy_triples=copy_triples,
    )


def scaled_graph_rows(scale: int, source: Path = ONTOLOGY) -> Iterator[PropertyGraph]:
    """``scaled_graph(source).graphs(scale)``: scale k of the knowledge base, part by part."""
    return scaled_graph(source).graphs(scale)


def _is_kb(term: Node) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(KB)


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
