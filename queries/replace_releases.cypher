// Publish step of a full load: the releases (from ontology/releases.jsonl) replace the stored
// ones. Bookkeeping like versions: no :Resource label, never exported.
CALL () { MATCH (r:_Release) DETACH DELETE r }
UNWIND $rows AS row
CREATE (r:_Release)
SET r = row
