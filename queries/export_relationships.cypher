// Every relationship between resources, for the export back to RDF.
MATCH (a:Resource)-[r]->(b:Resource)
RETURN a.iri AS source, type(r) AS type, b.iri AS target
