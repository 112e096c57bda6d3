// Deletes one batch of the nodes of a knowledge base retired by a swap, once their
// relationships are gone (delete_retired_relationships); run again until it deletes none.
MATCH (n:_Retired)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
