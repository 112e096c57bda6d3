"""The mapping of `loaders.mapping` (docs/rdf-to-neo4j.md), fed Oxigraph quads as parsed.

The load path parses with Oxigraph and collects the property graph while it parses, so it
never builds an rdflib graph: `QuadCollector.add` files each parsed triple under its node
(labels, relationships, literals, deduplicated as a graph would), and `build` encodes the
nodes exactly as `to_property_graph` does. Plain and language-tagged strings (nearly every
literal) are encoded without an rdflib term; other literals go through rdflib's
`Literal(lexical, datatype=...)`, as the rdflib parser builds them, so numbers, booleans and
dates get the same values. `tests/loaders/test_quad_mapping.py` checks that both mappings
give the same property graph. The quads must be the parser's, not a store's: a store keeps
canonical lexical forms ("0.5" for "0.50"), which would change the values stored.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from loaders.errors import LoadError
from loaders.mapping import (
    BASE_LABEL,
    DT_SUFFIX,
    LANG_SUFFIX,
    EdgeRecord,
    NodeRecord,
    PropertyGraph,
    Scalar,
    default_datatype,
    key_for,
    native_value,
)

RDF_TYPE = str(RDF.type)
XSD_STRING = str(XSD.string)
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# Datatypes rdflib reads as Python integers, and the range Neo4j stores.
INTEGER_TYPES = frozenset(
    str(XSD[name])
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
)  # fmt: skip
INT64 = range(-(2**63), 2**63)
# A literal as parsed: (lexical form, language or "", datatype IRI or "" for a string).
Lit = tuple[str, str, str]


class BlankNodeError(LoadError):
    """A blank node: nothing in Neo4j could keep its identity."""

    def __init__(self, predicate: str) -> None:
        super().__init__(f"blank node in triple with predicate <{predicate}>")
        self.predicate = predicate


class IntegerRangeError(LoadError):
    """An integer Neo4j cannot store (beyond 64 bits)."""

    def __init__(self, lexical: str) -> None:
        super().__init__(f"integer {lexical} is beyond the 64-bit range Neo4j stores")
        self.lexical = lexical


def _beyond_int64(lexical: str) -> bool:
    try:
        return int(lexical) not in INT64
    except ValueError:  # ill-typed: rdflib keeps it as text, as the mapping does
        return False


class QuadCollector:
    """Everything the mapping needs from the triples, filed per node as they are parsed."""

    def __init__(self) -> None:
        self.labels: dict[str, set[str]] = defaultdict(set)
        self.literals: dict[str, dict[str, set[Lit]]] = defaultdict(lambda: defaultdict(set))
        self.edges: set[tuple[str, str, str]] = set()
        self._keys: dict[str, str] = {}

    def _key(self, iri: str) -> str:
        key = self._keys.get(iri)
        if key is None:
            key = self._keys[iri] = key_for(URIRef(iri))
        return key

    def add(self, quads: Iterable[ox.Quad]) -> None:
        labels, literals, edges, key = self.labels, self.literals, self.edges, self._key
        for s, p, o, _ in quads:
            if type(s) is not ox.NamedNode or type(o) is ox.BlankNode:
                raise BlankNodeError(p.value)
            subject, predicate = s.value, p.value
            labels[subject]
            if type(o) is ox.NamedNode:
                if predicate == RDF_TYPE:
                    labels[subject].add(key(o.value))
                else:
                    labels[o.value]
                    edges.add((subject, key(predicate), o.value))
            elif type(o) is ox.Literal:
                language = o.language
                datatype = o.datatype.value
                if language or datatype in (XSD_STRING, RDF_LANG_STRING):
                    datatype = ""
                elif datatype in INTEGER_TYPES and _beyond_int64(o.value):
                    raise IntegerRangeError(o.value)
                literals[subject][key(predicate)].add((o.value, language or "", datatype))
            else:
                raise LoadError(f"unsupported object {o} of <{subject}> <{predicate}>")

    def build(self, list_keys: set[str] | frozenset[str] = frozenset()) -> PropertyGraph:
        """The property graph of everything added (`list_keys`: as in `to_property_graph`)."""
        literals = self.literals
        multi = {
            k for per_node in literals.values() for k, vals in per_node.items() if len(vals) > 1
        }
        multi |= list_keys
        result = PropertyGraph()
        for iri in sorted(self.labels):
            props: dict[str, Any] = {"iri": iri}
            per_node = literals.get(iri)
            if per_node:
                for key, lits in sorted(per_node.items()):
                    _encode(props, key, lits, key in multi)
            result.nodes.append(NodeRecord(iri, (BASE_LABEL, *sorted(self.labels[iri])), props))
        result.edges = [EdgeRecord(s, t, o) for s, t, o in sorted(self.edges)]
        return result


def _typed(lexical: str, datatype: str) -> tuple[str, Scalar | None]:
    """The lexical form and Neo4j value rdflib gives a typed (non-string) literal."""
    literal = Literal(lexical, datatype=URIRef(datatype))
    return str(literal), native_value(literal)


def _encode(props: dict[str, Any], key: str, lits: set[Lit], as_list: bool) -> None:
    """`loaders.mapping._encode_values` on parsed literals, stored into `props`."""
    rows = []
    for lexical, language, datatype in lits:
        if datatype:
            text, native = _typed(lexical, datatype)
            rows.append((text, language, datatype, native))
        else:
            rows.append((lexical, language, "None", lexical))
    rows.sort(key=lambda row: row[:3])
    natives = [row[3] for row in rows]
    if any(v is None for v in natives) or len({type(v) for v in natives}) > 1:
        values: list[Scalar] = [row[0] for row in rows]
    else:
        values = [v for v in natives if v is not None]
    dts = [
        ""
        if language or (datatype if datatype != "None" else XSD_STRING) == default_datatype(v)
        else datatype
        for (_, language, datatype, _), v in zip(rows, values, strict=True)
    ]
    langs = [row[1] for row in rows]
    props[key] = values if as_list else values[0]
    if any(dts):
        props[key + DT_SUFFIX] = dts if as_list else dts[0]
    if any(langs):
        props[key + LANG_SUFFIX] = langs if as_list else langs[0]
