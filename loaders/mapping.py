"""The reversible mapping between an RDF graph and a property graph. Pure: no I/O.

Rules (docs/rdf-to-neo4j.md explains them with examples):
- every IRI that is a subject or object becomes a node labelled ``Resource`` with ``iri``;
- ``rdf:type`` objects become further labels, named by `key_for`;
- an IRI-valued triple becomes a relationship whose type is `key_for(predicate)`;
- literal-valued triples become properties named `key_for(predicate)`; a predicate with more
  than one value on any node is stored as a list on every node; language tags and
  datatypes that the Neo4j value does not imply go to parallel ``<key>__lang`` and
  ``<key>__dt`` properties.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from loaders.errors import LoadError
from smekg.namespaces import PREFIXES

BASE_LABEL = "Resource"
LANG_SUFFIX = "__lang"
DT_SUFFIX = "__dt"
Scalar = str | int | float | bool


@dataclass(frozen=True)
class NodeRecord:
    iri: str
    labels: tuple[str, ...]
    props: dict[str, Any]


@dataclass(frozen=True)
class EdgeRecord:
    source: str
    type: str
    target: str


@dataclass
class PropertyGraph:
    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)


def key_for(iri: URIRef) -> str:
    """Neo4j name of an ontology term: bare local name for smeo:, else ``prefix_local``."""
    text = str(iri)
    best = max(
        ((p, str(ns)) for p, ns in PREFIXES.items() if text.startswith(str(ns))),
        key=lambda pair: len(pair[1]),
        default=None,
    )
    if best is None:
        raise LoadError(f"<{iri}> is in no known namespace: add it to smekg/namespaces.py")
    prefix, namespace = best
    local = text[len(namespace) :]
    key = local if prefix == "" else f"{prefix}_{local}"
    if not local or iri_for(key) != iri or key == BASE_LABEL:
        raise LoadError(f"<{iri}> has no reversible Neo4j name (local name {local!r})")
    return key


def iri_for(key: str) -> URIRef:
    """Inverse of `key_for`."""
    prefix, sep, local = key.partition("_")
    if sep and prefix in PREFIXES and prefix != "":
        return URIRef(str(PREFIXES[prefix]) + local)
    return URIRef(str(PREFIXES[""]) + key)


def native_value(lit: Literal) -> Scalar | None:
    """The Neo4j value that reproduces `lit` exactly, or None if only its lexical form does."""
    value = lit.toPython()
    candidate: Scalar | None = None
    if isinstance(value, bool | int | str):
        candidate = value
    elif isinstance(value, Decimal | float):
        candidate = float(value)
    if candidate is None or lit.language:
        return str(lit) if lit.language else None
    return (
        candidate if to_literal(candidate, str(lit.datatype or "") or None, None) == lit else None
    )


def default_datatype(value: Scalar) -> str:
    if isinstance(value, bool):
        return str(XSD.boolean)
    if isinstance(value, int):
        return str(XSD.integer)
    if isinstance(value, float):
        return str(XSD.double)
    return str(XSD.string)


def to_literal(value: Scalar, datatype: str | None, language: str | None) -> Literal:
    """Rebuild the RDF literal from a stored value and its optional datatype / language."""
    if language:
        return Literal(str(value), lang=language)
    if datatype is None or datatype == default_datatype(value):
        if isinstance(value, str):
            return Literal(value)
        return Literal(value, datatype=URIRef(default_datatype(value)))
    if isinstance(value, float) and datatype == str(XSD.decimal):
        return Literal(Decimal(repr(value)), datatype=XSD.decimal)
    return Literal(str(value), datatype=URIRef(datatype))


def _encode_values(literals: list[Literal]) -> tuple[list[Scalar], list[str], list[str]]:
    natives = [native_value(lit) for lit in literals]
    if any(v is None for v in natives) or len({type(v) for v in natives}) > 1:
        values: list[Scalar] = [str(lit) for lit in literals]
    else:
        values = [v for v in natives if v is not None]
    dts = [
        ""
        if lit.language or str(lit.datatype or XSD.string) == default_datatype(v)
        else str(lit.datatype)
        for lit, v in zip(literals, values, strict=True)
    ]
    langs = [lit.language or "" for lit in literals]
    return values, dts, langs


def list_keys_of(graph: PropertyGraph) -> set[str]:
    """The property keys stored as lists (a key with several values on any node)."""
    return {
        k
        for node in graph.nodes
        for k, v in node.props.items()
        if isinstance(v, list) and not k.endswith((LANG_SUFFIX, DT_SUFFIX))
    }


def to_property_graph(
    graph: Graph, list_keys: set[str] | frozenset[str] = frozenset()
) -> PropertyGraph:
    """Map an RDF graph (IRIs and literals only) onto nodes and relationships.

    A key is stored as a list when it has several values on any node of `graph`, or is in
    `list_keys` (the published graph's list keys, when mapping part of it)."""
    labels: dict[str, set[str]] = defaultdict(set)
    literals: dict[str, dict[str, list[Literal]]] = defaultdict(lambda: defaultdict(list))
    result = PropertyGraph()
    for s, p, o in graph:
        if not isinstance(s, URIRef) or not isinstance(p, URIRef):
            raise LoadError(f"unsupported triple subject or predicate: {s!r} {p!r}")
        labels[str(s)]
        if p == RDF.type and isinstance(o, URIRef):
            labels[str(s)].add(key_for(o))
        elif isinstance(o, URIRef):
            labels[str(o)]
            result.edges.append(EdgeRecord(str(s), key_for(p), str(o)))
        elif isinstance(o, Literal):
            literals[str(s)][key_for(p)].append(o)
        else:
            raise LoadError(f"unsupported object {o!r} of <{s}> <{p}>")
    multi = {k for per_node in literals.values() for k, vals in per_node.items() if len(vals) > 1}
    multi |= list_keys
    for iri in sorted(labels):
        props: dict[str, Any] = {"iri": iri}
        for key, lits in sorted(literals.get(iri, {}).items()):
            ordered = sorted(
                lits, key=lambda lit: (str(lit), lit.language or "", str(lit.datatype))
            )
            values, dts, langs = _encode_values(ordered)
            as_list = key in multi
            props[key] = values if as_list else values[0]
            if any(dts):
                props[key + DT_SUFFIX] = dts if as_list else dts[0]
            if any(langs):
                props[key + LANG_SUFFIX] = langs if as_list else langs[0]
        result.nodes.append(NodeRecord(iri, (BASE_LABEL, *sorted(labels[iri])), props))
    result.edges.sort(key=lambda e: (e.source, e.type, e.target))
    return result


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def to_rdf(nodes: list[NodeRecord], edges: list[EdgeRecord]) -> Graph:
    """Inverse of `to_property_graph`."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix or "smeo", namespace)
    for node in nodes:
        subject = URIRef(node.iri)
        for label in node.labels:
            if label != BASE_LABEL:
                graph.add((subject, RDF.type, iri_for(label)))
        for key, value in node.props.items():
            if key == "iri" or key.endswith((LANG_SUFFIX, DT_SUFFIX)):
                continue
            values = _as_list(value)
            dts = _as_list(node.props.get(key + DT_SUFFIX, [""] * len(values)))
            langs = _as_list(node.props.get(key + LANG_SUFFIX, [""] * len(values)))
            for v, dt, lang in zip(values, dts, langs, strict=True):
                graph.add((subject, iri_for(key), to_literal(v, dt or None, lang or None)))
    for edge in edges:
        graph.add((URIRef(edge.source), iri_for(edge.type), URIRef(edge.target)))
    return graph


def describe(term: Node) -> str:
    """Short text for a term in messages."""
    return term.n3() if isinstance(term, URIRef | Literal) else repr(term)
