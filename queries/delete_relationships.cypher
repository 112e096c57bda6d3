// Publish step of an incremental write: removes relationships between resources.
UNWIND $rows AS row
MATCH (a:Resource {iri: row.source})-[r:$(row.type)]->(b:Resource {iri: row.target})
DELETE r
