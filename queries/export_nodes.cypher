// Every resource node with its labels and properties, for the export back to RDF.
MATCH (n:Resource)
RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props
