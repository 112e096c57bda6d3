// Deletes one batch of the relationships of a knowledge base retired by a swap; the writer
// runs it again until it deletes none, then deletes the nodes. Relationships go first, and in
// transactions of their own, because a hub (a finding kind linked to every finding) would
// otherwise make one node's DETACH DELETE a transaction of hundreds of thousands of deletions
// (at 1000x a batch of 10,000 nodes needed more than Neo4j's 2.1 GiB of transaction memory).
MATCH (:_Retired)-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
