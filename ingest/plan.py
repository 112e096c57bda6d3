"""What one contribution changes in the published graph: from the contribution's triples
before and after, and the graph's description of every node they touch, the triples added and
removed, the node records to create, update and delete, and the statements changed. Pure
except for the one `describe` read.

Every triple of the knowledge base is asserted by one file: a contribution never restates a
triple the graph already holds (such triples are dropped from it), so removing a
contribution's triples removes exactly what it added."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, URIRef

from ingest.build.iris import compact
from ingest.build.lookup import GraphLookup
from ingest.errors import InputError
from loaders.mapping import EdgeRecord, NodeRecord, key_for, list_keys_of, to_property_graph, to_rdf
from loaders.store import GraphDelta
from smekg.history import Change

STATEMENT_LABELS = {
    "Finding", "Prediction", "Perspective", "PerspectiveFamily", "PerspectiveAlignment", "Theme",
    "Work", "SourceDocument", "Citation", "Factor", "FactorGroup", "Category", "Item",
    "ReportedFigure", "ExpertPanel", "ExpertGroup", "Footnote", "QualityNote", "Implication",
    "Correction", "SourceExcerpt",
}  # fmt: skip
NAME_KEYS = ("skos_prefLabel", "rdfs_label", "summary", "authorList", "text", "quote")


@dataclass
class Plan:
    contribution: Graph  # what the contribution's file holds after the change
    added: Graph
    removed: Graph
    delta: GraphDelta
    changes: list[Change] = field(default_factory=list)
    new_list_keys: set[str] = field(default_factory=set)  # needs a full load to store as lists
    touched: set[URIRef] = field(default_factory=set)  # nodes whose description changes
    after: Graph = field(default_factory=Graph)  # their triples after the change (and in-edges)
    neighbours: Graph = field(default_factory=Graph)  # what the graph says of the rest it reads

    def checked_part(self) -> Graph:
        """What validation reads: the touched nodes after the change, and what the graph says
        of the nodes they point to (and of the citations of the works among them: the
        attribution check reads how a document cites a finding's study)."""
        return Graph() + self.after + self.neighbours


def _description_graph(rows: list[dict[str, Any]]) -> tuple[Graph, dict[str, NodeRecord], Graph]:
    """The described nodes as RDF (their own triples), their records, and in-edge triples."""
    nodes = [NodeRecord(r["iri"], tuple(sorted(r["labels"])), dict(r["props"])) for r in rows]
    out = [EdgeRecord(r["iri"], e["type"], e["target"]) for r in rows for e in r["out"]]
    incoming = [EdgeRecord(e["source"], e["type"], r["iri"]) for r in rows for e in r["in"]]
    return to_rdf(nodes, out), {n.iri: n for n in nodes}, to_rdf([], incoming)


def _name(record: NodeRecord | None) -> str:
    if record is None:
        return ""
    for key in NAME_KEYS:
        value = record.props.get(key)
        if value:
            text = value[0] if isinstance(value, list) else value
            return str(text)[:120]
    return compact(record.iri)


def _kind(record: NodeRecord | None) -> str | None:
    labels = set(record.labels) if record else set()
    return next((label for label in sorted(labels) if label in STATEMENT_LABELS), None)


def plan_change(
    old: Graph, new: Graph, lookup: GraphLookup, list_keys: set[str], document: URIRef | None
) -> Plan:
    """The change from `old` to `new` (a contribution's triples) applied to the graph."""
    nodes = {t for g in (old, new) for s, _, o in g for t in (s, o) if isinstance(t, URIRef)}
    own = {s for g in (old, new) for s in g.subjects() if isinstance(s, URIRef)}
    # Only the contribution's subjects can change, so only theirs are needed of the
    # relationships in; the nodes they merely point to are described outward.
    rows = lookup.describe(str(n) for n in own) + lookup.describe_outward(
        str(n) for n in nodes - own
    )
    before, records, inbound = _description_graph(rows)
    kept = Graph()
    for triple in new:
        if triple in old or triple not in before:
            kept.add(triple)
    added, removed = kept - old, old - kept
    subjects = {s for g in (added, removed) for s in g.subjects() if isinstance(s, URIRef)}
    after = Graph()
    for s in subjects:
        for triple in before.triples((s, None, None)):
            after.add(triple)
    after -= removed
    after += added
    for triple in inbound:
        if triple[2] in subjects and triple not in removed:
            after.add(triple)  # keeps referenced nodes alive and checkable
    unseen = {o for o in after.objects() if isinstance(o, URIRef) and str(o) not in records}
    seen_rows = lookup.describe_outward(str(o) for o in unseen - subjects)
    seen_graph, seen_records, _ = _description_graph(seen_rows)
    records |= seen_records
    mapped = to_property_graph(after, list_keys)
    existing = set(records) | {str(t) for t in inbound.subjects() if isinstance(t, URIRef)}
    after_records = {
        n.iri: n for n in mapped.nodes if URIRef(n.iri) in subjects or n.iri not in existing
    }
    delta = GraphDelta()
    changes: list[Change] = []
    doc = str(document) if document else None
    for iri in sorted({str(s) for s in subjects} | (set(after_records) - set(records))):
        before_record, after_record = records.get(iri), after_records.get(iri)
        alive = after_record is not None and (
            len(after_record.labels) > 1 or len(after_record.props) > 1
        )
        referenced = any(True for _ in after.subjects(None, URIRef(iri)))
        if before_record is None and after_record is not None:
            delta.create.append(after_record)
            _note(changes, "added", after_record, doc)
        elif before_record is not None and not alive and not referenced:
            delta.delete.append(iri)
            _note(changes, "removed", before_record, doc)
        elif before_record is not None and not alive:
            sources = sorted(compact(str(s)) for s in after.subjects(None, URIRef(iri)))
            raise InputError(
                f"{compact(iri)} would be left without a description, but {', '.join(sources)} "
                "still refer to it: change or withdraw those first"
            )
        elif before_record is not None and after_record is not None:
            if (set(before_record.labels), before_record.props) != (
                set(after_record.labels),
                after_record.props,
            ):
                delta.update.append(after_record)
            if any(True for _ in added.triples((URIRef(iri), None, None))) or any(
                True for _ in removed.triples((URIRef(iri), None, None))
            ):
                node = URIRef(iri)
                digests = (digest_of(before, node), digest_of(after, node))
                _note(changes, "changed", after_record, doc, digests)
    deleted = set(delta.delete)
    for source, predicate, target in added:
        if isinstance(target, URIRef) and isinstance(predicate, URIRef):
            delta.add_edges.append(EdgeRecord(str(source), key_for(predicate), str(target)))
    for source, predicate, target in removed:
        ends_kept = str(source) not in deleted and str(target) not in deleted
        if isinstance(target, URIRef) and isinstance(predicate, URIRef) and ends_kept:
            delta.remove_edges.append(EdgeRecord(str(source), key_for(predicate), str(target)))
    neighbours = Graph()
    for triple in before.triples((None, None, None)):
        if triple[0] not in subjects:
            neighbours.add(triple)
    neighbours += seen_graph
    cited = [
        edge["source"]
        for row in seen_rows
        for edge in row["in"]
        if edge["type"] == "citedWork" and URIRef(edge["source"]) not in subjects
    ]
    if cited:
        neighbours += _description_graph(lookup.describe(cited))[0]
    return Plan(
        contribution=kept,
        added=added,
        removed=removed,
        delta=delta,
        changes=changes,
        new_list_keys=list_keys_of(mapped) - list_keys,
        touched=subjects,
        after=after,
        neighbours=neighbours,
    )


def digest_of(graph: Graph, node: URIRef) -> str:
    """A hash of what `graph` says of `node` (its own triples), to tell a net change apart."""
    lines = sorted(f"{p.n3()} {o.n3()}" for p, o in graph.predicate_objects(node))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def _note(
    changes: list[Change],
    op: str,
    record: NodeRecord,
    document: str | None,
    digests: tuple[str | None, str | None] = (None, None),
) -> None:
    kind = _kind(record)
    if kind is not None:
        changes.append(Change(op, kind, record.iri, _name(record), document, *digests))


def count_by_kind(changes: list[Change]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: {"added": 0, "removed": 0, "changed": 0})
    for change in changes:
        table[change.kind][change.op] += 1
    return dict(table)
