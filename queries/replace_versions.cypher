// Publish step of a full load: the version history (from ontology/history.jsonl) replaces the
// stored one. Versions are bookkeeping, not knowledge: no :Resource label, never exported.
CALL () { MATCH (v:_Version) DETACH DELETE v }
UNWIND $rows AS row
CREATE (v:_Version)
SET v = row
