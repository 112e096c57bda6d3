// Answers: is a knowledge base loaded, which version, and is a publish in progress
// (`seq` odd until `writingUntil`, epoch milliseconds)? Readers pin `seq` (decision 0011).
MATCH (k:KnowledgeBase) WHERE k.version IS NOT NULL
RETURN k.version AS version, k.number AS number, k.triples AS triples,
  toString(k.loadedAt) AS loadedAt, coalesce(k.seq, 0) AS seq,
  CASE WHEN k.writingUntil IS NULL THEN null ELSE k.writingUntil.epochMillis END AS writingUntil
