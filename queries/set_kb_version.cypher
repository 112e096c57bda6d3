// Publish step: records which knowledge base is now published — its content id, number,
// the files it was built from (with their hashes) and the property keys stored as lists.
MATCH (k:KnowledgeBase)
SET k.version = $version, k.number = $number, k.triples = $triples, k.loadedAt = datetime(),
    k.files = $files, k.fileHashes = $fileHashes, k.listKeys = $listKeys
