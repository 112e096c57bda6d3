// Waits until every index is online (a new or rebuilt index populates in the background).
CALL db.awaitIndexes($seconds)
