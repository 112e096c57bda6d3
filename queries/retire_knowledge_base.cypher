// Publish step of a full load: hides the previous knowledge base from every reader in
// O(nodes) label changes (no relationship is touched); its nodes are deleted afterwards.
MATCH (n:Resource)
REMOVE n:$(labels(n))
SET n:_Retired
