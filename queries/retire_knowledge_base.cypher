// Swap step: hides the previous knowledge base from every reader in O(nodes) label changes
// (no relationship is touched); its nodes are deleted after the swap commits.
MATCH (n) WHERE n:Resource OR n:KnowledgeBase
REMOVE n:$(labels(n))
SET n:_Retired
