// Answers: which knowledge base may a reader pin, and is a swap in progress? (decisions 0011,
// 0013 and 0032) seq: even = stable, odd = a writer is swapping; writing: the odd seq's writer
// may still commit (its writingUntil lies ahead), or a full load's swap began and has not
// finished (whether its writer lives or not). A knowledge base written before seq existed is 0.
OPTIONAL MATCH (k:KnowledgeBase)
WITH k ORDER BY coalesce(k.seq, 0) DESC LIMIT 1
RETURN k.version AS version, coalesce(k.seq, 0) AS seq,
  coalesce(k.writingUntil > datetime(), false) OR k.swapPublished IS NOT NULL AS writing
