// Empties a database, step 2 (benchmarks only): one batch of nodes, once the relationships
// are gone; run again until it deletes none.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
