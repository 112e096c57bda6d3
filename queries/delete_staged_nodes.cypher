// Discards what an unfinished load staged (batched: a staged graph may be large).
MATCH (n:_Staging)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS
