"""The write side of the knowledge graph: coding sheets and bibliographies in, contributions
(one reviewable Turtle file per document) out, resolved against the graph, applied
incrementally, versioned and released."""
