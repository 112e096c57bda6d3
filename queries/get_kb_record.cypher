// Answers (for the writer): which knowledge base is published, built from which files?
MATCH (k:KnowledgeBase)
RETURN k.version AS version, k.number AS number, k.seq AS seq, k.triples AS triples,
  coalesce(k.files, []) AS files, coalesce(k.fileHashes, []) AS fileHashes,
  coalesce(k.listKeys, []) AS listKeys
