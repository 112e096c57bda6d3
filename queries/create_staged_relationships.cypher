// Creates one batch of relationships between staged nodes matched by IRI.
UNWIND $rows AS row
MATCH (a:_Staging {iri: row.source})
MATCH (b:_Staging {iri: row.target})
CREATE (a)-[:$(row.type)]->(b)
