// Removes every node the loader wrote (resources and the knowledge-base version node).
MATCH (n) WHERE n:Resource OR n:KnowledgeBase
DETACH DELETE n
