"""The project's namespaces: the one place IRIs are spelled out in Python."""

from typing import Final

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

SMEO: Final = Namespace("https://w3id.org/sme-intl-kg/ontology#")
KB: Final = Namespace("https://w3id.org/sme-intl-kg/kb/")
SHAPES: Final = Namespace("https://w3id.org/sme-intl-kg/shapes#")
FABIO: Final = Namespace("http://purl.org/spar/fabio/")
CITO: Final = Namespace("http://purl.org/spar/cito/")
BIBO: Final = Namespace("http://purl.org/ontology/bibo/")
VANN: Final = Namespace("http://purl.org/vocab/vann/")

# Prefix table used by the RDF <-> property-graph mapping. The order matters only for
# readability; prefixes and namespaces must both be unique. SMEO maps to the empty prefix,
# so ontology terms become bare Neo4j labels, keys and relationship types.
PREFIXES: Final[dict[str, Namespace]] = {
    "": SMEO,
    "kb": KB,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "fabio": FABIO,
    "cito": CITO,
    "bibo": BIBO,
    "vann": VANN,
}
