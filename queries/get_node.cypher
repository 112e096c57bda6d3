// Answers: which labels and literal properties does the resource with IRI $iri have?
MATCH (n:Resource {iri: $iri})
RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props
