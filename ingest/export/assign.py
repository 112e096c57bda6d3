"""Which document's sheet each node of the knowledge base is written in, when documents are
exported in an order and imported in the same order. Pure.

- A statement belongs to the document most of its excerpts stand in (ties: the first document
  by IRI) — or to a later document if a *required* value of it (a required column) is a node
  that later document introduces; so every sheet imports into a valid knowledge base.
- An excerpt is written with the first statement (in that order) that rests on it.
- A work is introduced by the first document in the order that cites it; a citation belongs to
  its citing document.
- A triple whose object a later document introduces is written in that later document's sheet
  (the statement appears there as a row with just that value).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from smekg.namespaces import SMEO


@dataclass
class Assignment:
    order: list[URIRef]
    creator: dict[URIRef, int] = field(default_factory=dict)  # node -> index in `order`
    citations: dict[int, list[URIRef]] = field(default_factory=lambda: defaultdict(list))

    def index(self, node: object) -> int | None:
        return self.creator.get(node) if isinstance(node, URIRef) else None


def _iris(graph: Graph, subject: URIRef, predicate: URIRef) -> list[URIRef]:
    return sorted(o for o in graph.objects(subject, predicate) if isinstance(o, URIRef))


def assign(
    graph: Graph, order: list[URIRef], classes: set[URIRef], required: set[URIRef]
) -> Assignment:
    """Place every statement of `classes`, every excerpt, work and citation in `order`."""
    result = Assignment(order)
    rank = {d: i for i, d in enumerate(order)}
    for i, document in enumerate(order):
        result.creator[document] = i
    excerpt_doc = {
        x: rank[d]
        for x, d in graph.subject_objects(SMEO.inDocument)
        if isinstance(x, URIRef) and isinstance(d, URIRef) and d in rank
    }
    statements = sorted(
        {s for c in classes for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)}
    )
    for subject in statements:
        docs = Counter(
            excerpt_doc[x] for x in _iris(graph, subject, SMEO.source) if x in excerpt_doc
        )
        if docs:
            best = max(docs.values())
            result.creator[subject] = min(i for i, n in docs.items() if n == best)
    citing: dict[URIRef, list[int]] = defaultdict(list)
    for citation in sorted(
        s for s in graph.subjects(RDF.type, SMEO.Citation) if isinstance(s, URIRef)
    ):
        work = graph.value(citation, SMEO.citedWork)
        citer = graph.value(citation, SMEO.citingDocument)
        if isinstance(work, URIRef) and isinstance(citer, URIRef) and citer in rank:
            result.creator[citation] = rank[citer]
            result.citations[rank[citer]].append(citation)
            citing[work].append(rank[citer])
    for work, indexes in citing.items():
        result.creator.setdefault(work, min(indexes))
    _defer_required(graph, result, statements, required, excerpt_doc)
    for subject in sorted(statements, key=lambda s: (result.creator.get(s, -1), s)):
        if subject in result.creator:
            for excerpt in _iris(graph, subject, SMEO.source):
                if excerpt in excerpt_doc:
                    first = max(result.creator[subject], excerpt_doc[excerpt])
                    result.creator.setdefault(excerpt, first)
    return result


def _defer_required(
    graph: Graph,
    result: Assignment,
    statements: list[URIRef],
    required: set[URIRef],
    excerpt_doc: dict[URIRef, int],
) -> None:
    """Move a statement to the latest document that introduces a value it cannot do without
    (any required value; or all of its excerpts, when none stands in an earlier document)."""
    changed = True
    while changed:
        changed = False
        for subject in statements:
            own = result.creator.get(subject)
            if own is None:
                continue
            latest = max(
                (result.creator.get(o, -1) for p in required for o in _iris(graph, subject, p)),
                default=-1,
            )
            sources = [
                excerpt_doc[x] for x in _iris(graph, subject, SMEO.source) if x in excerpt_doc
            ]
            latest = max(latest, min(sources, default=-1))
            if latest > own:
                result.creator[subject] = latest
                changed = True
