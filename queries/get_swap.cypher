// Answers (for a writer): did a swap begin that has not finished, what does it publish and
// which step did it reach? (docs/decisions/0032)
MATCH (k:KnowledgeBase)
RETURN k.swapPublished AS published, k.swapStep AS step
