// Swap step 1 of a full load: hides the previous knowledge base from every reader, in
// batches (no relationship is touched); its nodes are deleted after the swap.
MATCH (n:Resource)
CALL (n) {
  REMOVE n:$(labels(n))
  SET n:_Retired
} IN TRANSACTIONS OF $batch ROWS
