// Creates one batch of relationships between resources matched by IRI.
UNWIND $rows AS row
MATCH (a:Resource {iri: row.source})
MATCH (b:Resource {iri: row.target})
CREATE (a)-[:$(row.type)]->(b)
