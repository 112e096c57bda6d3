// Publish step of an incremental write: removes the resources a change withdraws, with their
// relationships.
UNWIND $iris AS iri
MATCH (n:Resource {iri: iri})
DETACH DELETE n
