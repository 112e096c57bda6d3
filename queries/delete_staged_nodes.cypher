// Discards one batch of the nodes an unfinished write staged, once their relationships are
// gone (delete_staged_relationships); run again until it deletes none.
MATCH (n:_Staging)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
