// Deletes a previous knowledge base retired by a swap (batched: it may be large).
MATCH (n:_Retired)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS
