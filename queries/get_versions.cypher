// Answers: which versions has the knowledge base had (newest first), made how, by whom, from
// which document, changing how many statements of each kind? $limit.
MATCH (v:_Version)
RETURN v {.number, .id, .time, .action, .tool, .document, .curator, .note, .summary} AS row
ORDER BY v.number DESC
LIMIT $limit
