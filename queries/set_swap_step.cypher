// Swap of a full load: records that every old resource is retired, so that a re-run after a
// crash does not retire the new ones it publishes.
MATCH (k:KnowledgeBase)
SET k.swapStep = $step
