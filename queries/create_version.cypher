// Publish step of an incremental write: records the new version (number, content id, what
// changed, by whom).
CREATE (v:_Version)
SET v = $row
