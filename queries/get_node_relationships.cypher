// Answers: which relationships go out of the resource with IRI $iri, and to which resources?
MATCH (a:Resource {iri: $iri})-[r]->(b:Resource)
RETURN a.iri AS source, type(r) AS type, b.iri AS target
ORDER BY type, target
