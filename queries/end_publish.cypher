// Seqlock, step 3 of 3 (and crash recovery): makes `seq` even again — the published state is
// complete, whether the publishing transaction committed or not.
MATCH (k:KnowledgeBase)
SET k.seq = k.seq + k.seq % 2, k.writingUntil = null
RETURN k.seq AS seq
