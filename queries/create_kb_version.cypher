// Records which knowledge base is loaded: its content hash, counts and when.
CREATE (k:KnowledgeBase {version: $version, triples: $triples, loadedAt: datetime()})
