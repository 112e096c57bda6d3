// Publish step of an incremental write: relationships with at least one end that was already
// published (those between staged nodes were created while staging).
UNWIND $rows AS row
MATCH (a:Resource {iri: row.source})
MATCH (b:Resource {iri: row.target})
CREATE (a)-[:$(row.type)]->(b)
