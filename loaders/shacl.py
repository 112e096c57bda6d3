"""SHACL by parts: the shapes run by pyshacl-turbo (Rust, pySHACL's API and verdicts) on
parts of the graph of `PART_SUBJECTS` subjects, in forked worker processes when there are
several (docs/decisions/0027).

Why parts give the verdicts of the whole graph: every shape in ontology/shapes targets a
class (`sh:targetClass`) and constrains a focus node's own values along plain predicate paths
(counts, datatypes, languages, `sh:in`, patterns, closedness) and the classes of those values
(`sh:class`, also inside `sh:or`). A part is a set of subjects with all their triples, the
`rdf:type` triples of the nodes they point to and every `rdfs:subClassOf` triple, validated
with its subjects as the only focus nodes. `tests/loaders/test_shacl_parts.py` holds the
verdicts of parts and of the whole graph equal on every example, and fails if a shape uses a
construct this reasoning does not cover.

Why it matters: the engine's time grows faster than the graph (1.3 s at 1x, 20 s at 10x,
511 s at 100x on a loaded machine, whole graphs); per triple, a part of about 5,000 triples
costs least.
"""

import multiprocessing
import os
import resource
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pyshacl_turbo
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

PART_SUBJECTS = 800  # about 5,000 triples: the engine costs least per triple there
WHOLE_UP_TO = 50_000  # triples validated as one part in this process (no fork, one compile)
RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))


@dataclass(frozen=True)
class Violation:
    """One broken rule: where (focus node, path) and which rule, in words."""

    rule: str
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        return f"{where}: {self.message} [{self.rule}]"


_SUBJECTS = "SELECT DISTINCT ?s WHERE { ?s ?p ?o }"
_shared: ox.Store | None = None  # the graph being validated, as forked workers inherit it


def shacl_violations(
    store: ox.Store,
    shapes: bytes,
    size: int = PART_SUBJECTS,
    workers: int | None = None,
    whole_up_to: int = WHOLE_UP_TO,
) -> list[Violation]:
    """The shapes' (`shapes`: N-Quads) violations by the store, `size` subjects a part (one
    part up to `whole_up_to` triples); with several parts, `workers` forked processes
    (default: one per core) read the store they inherit."""
    subjects = [row[0].value for row in store.query(_SUBJECTS)]  # type: ignore[union-attr]
    if len(store) <= whole_up_to:
        size = max(len(subjects), 1)
    cut = [subjects[i : i + size] for i in range(0, len(subjects), size)]
    workers = affordable(min(len(cut), workers or os.cpu_count() or 1), *_memory())
    if workers <= 1:
        return sorted((v for part in cut for v in validate_part(store, shapes, part)), key=str)
    global _shared
    _shared = store
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            found = [v for vs in pool.map(_validate_shared, repeat(shapes), cut) for v in vs]
    finally:
        _shared = None
    return sorted(found, key=str)


def affordable(workers: int, resident: int, available: int) -> int:
    """At most as many workers as `available` bytes hold if each came to copy this process
    (`resident` bytes): they share its pages copy on write, but every page a worker writes is
    copied (measured at 1000x: a 13.4 GiB loader, and two workers grew past the machine's
    23.5 GiB until the kernel killed the load). Fewer than two: validate in this process."""
    return max(1, min(workers, available // max(resident, 1)))


def _memory() -> tuple[int, int]:
    """This process's peak resident bytes and the machine's available bytes (Linux's
    MemAvailable: free memory plus what the kernel can reclaim)."""
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    meminfo = Path("/proc/meminfo")
    lines = meminfo.read_text(encoding="ascii").splitlines() if meminfo.is_file() else []
    for line in lines:
        if line.startswith("MemAvailable:"):
            return resident, int(line.split()[1]) * 1024
    return resident, os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")


def _validate_shared(shapes: bytes, subjects: list[str]) -> list[Violation]:
    assert _shared is not None, "workers are forked from the process that set the store"
    return validate_part(_shared, shapes, subjects)


def part_of(store: ox.Store, subjects: list[str]) -> ox.Store:
    """The subjects' triples, the types of the nodes they point to, the class hierarchy."""
    part = ox.Store()
    quads = [q for s in subjects for q in store.quads_for_pattern(ox.NamedNode(s), None, None)]
    own = set(subjects)
    pointed = {q.object for q in quads if type(q.object) is ox.NamedNode}
    types = [
        t
        for node in pointed
        if node.value not in own
        for t in store.quads_for_pattern(node, RDF_TYPE, None)
    ]
    hierarchy = store.quads_for_pattern(None, SUBCLASS_OF, None)
    part.bulk_extend([*quads, *types, *hierarchy])
    return part


@lru_cache(maxsize=4)
def _compiled(shapes: bytes) -> Any:
    """Shapes compiled once per process. Data and shapes both come as Oxigraph stores: the
    engine then compares literals as RDF 1.1 does ("x" is "x"^^xsd:string), which it does
    not when the shapes come as an rdflib graph."""
    store = ox.Store()
    store.bulk_extend(ox.parse(shapes, format=ox.RdfFormat.N_QUADS))
    return pyshacl_turbo.compile_shapes(store, advanced=True)  # type: ignore[no-untyped-call]


def validate_part(store: ox.Store, shapes: bytes, subjects: list[str]) -> list[Violation]:
    """The violations of the shapes by `subjects` (IRIs), judged on their part of the store."""
    focus = [URIRef(s) for s in subjects]
    conforms, report, _ = _compiled(shapes).validate(
        part_of(store, subjects), allow_warnings=False, focus_nodes=focus
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus_node = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        rule = report.value(shape, SH.name) if shape is not None else None
        path = report.value(result, SH.resultPath)
        constraint = report.value(result, SH.sourceConstraintComponent)
        found.append(
            Violation(
                rule=str(rule or constraint or shape),
                focus=f"<{focus_node}>",
                path=f"<{path}>" if isinstance(path, URIRef) else "",
                message=_message(report, result, shape, focus_node),
            )
        )
    return found


def _message(report: Graph, result: Node, shape: Node | None, focus: Node | None) -> str:
    """The shape's own sh:message; else, for a closed shape, the property it does not allow
    (the engine's own text only names the constraint component); else the engine's text."""
    own = report.value(shape, SH.message) if shape is not None else None
    if own is not None:
        return str(own)
    value = report.value(result, SH.value)
    if report.value(result, SH.sourceConstraintComponent) == SH.ClosedConstraintComponent:
        shown = value.n3() if isinstance(value, URIRef | Literal) else str(value)
        return f"Node <{focus}> is closed. It cannot have value: {shown}"
    return str(report.value(result, SH.resultMessage) or "SHACL violation")
