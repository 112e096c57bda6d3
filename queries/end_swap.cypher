// Swap step 3 of a full load, in the transaction that writes the knowledge base's record:
// the swap is complete, readers may go on once `end_publish` makes `seq` even.
MATCH (k:KnowledgeBase)
REMOVE k.swapPublished, k.swapStep
