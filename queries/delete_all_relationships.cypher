// Empties a database, step 1 (benchmarks only): one batch of relationships; run again until
// it deletes none (why not DETACH DELETE at once: delete_retired_relationships.cypher).
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
