// Swap of a full load, its point of no return (docs/decisions/0032): makes `seq` odd and
// records what the swap publishes and which step it reached. While `swapPublished` is set,
// readers wait, whatever `writingUntil` says; any writer finishes the swap.
MERGE (k:KnowledgeBase)
ON CREATE SET k.seq = 0
SET k.seq = k.seq + 1 + k.seq % 2,
    k.writingUntil = datetime() + duration({seconds: $seconds}),
    k.swapPublished = $published,
    k.swapStep = $step
