"""The REST exports: comparison tables as files, the graph as RDF, works as bibliographies."""
