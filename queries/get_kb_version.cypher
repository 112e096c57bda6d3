// Answers: is a knowledge base loaded, and which version?
MATCH (k:KnowledgeBase)
RETURN k.version AS version, k.triples AS triples, toString(k.loadedAt) AS loadedAt
