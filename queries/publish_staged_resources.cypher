// Swap step 2 of a full load: every staged node takes the labels it was staged with, in
// batches; the labels it kept as a property go.
MATCH (n:_Staging)
CALL (n) {
  SET n:$(n._labels)
  REMOVE n:_Staging, n._labels
} IN TRANSACTIONS OF $batch ROWS
