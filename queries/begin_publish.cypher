// Seqlock, step 1 of 3: makes `seq` odd (a publish is in progress) and says until when the
// publishing transaction may still commit. Readers wait while `seq` is odd, and re-run a
// request whose pinned `seq` changed (docs/decisions/0011).
MERGE (k:KnowledgeBase)
ON CREATE SET k.seq = 0
SET k.seq = k.seq + 1 + k.seq % 2,
    k.writingUntil = datetime() + duration({seconds: $seconds})
RETURN k.seq AS seq
