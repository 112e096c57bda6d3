// Answers: which releases of the knowledge base were cut (newest first), of which content?
MATCH (r:_Release)
RETURN r.version AS version, r.id AS id, r.date AS date, r.number AS number
ORDER BY r.number DESC, r.date DESC
