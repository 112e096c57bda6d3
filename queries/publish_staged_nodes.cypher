// Swap step: gives one batch of staged nodes their class labels and makes them resources.
UNWIND $rows AS row
MATCH (n:_Staging {iri: row.iri})
SET n:$(row.labels)
REMOVE n:_Staging
