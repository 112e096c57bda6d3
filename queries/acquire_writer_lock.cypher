// Takes the writer lock: the write lock on the lock node, held until this transaction ends.
// A second writer blocks here until the first one's transaction ends (commit, rollback, or
// its connection dying with its process).
MATCH (l:_WriterLock {id: 1})
SET l.holder = $holder, l.since = datetime()
RETURN l.id AS id
