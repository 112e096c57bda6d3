"""The REST exports: comparison tables as files, the graph as RDF, works as bibliographies,
the ontology (with its documentation) by content negotiation."""
