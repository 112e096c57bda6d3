// Publish step of an incremental write: one batch of staged nodes takes the labels it was
// staged with and becomes resources.
UNWIND $rows AS row
MATCH (n:_Staging {iri: row.iri})
SET n:$(n._labels)
REMOVE n:_Staging, n._labels
