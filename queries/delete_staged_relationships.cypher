// Discards one batch of the relationships an unfinished write staged; run again until it
// deletes none, then delete the staged nodes (why relationships first:
// delete_retired_relationships.cypher).
MATCH (:_Staging)-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
