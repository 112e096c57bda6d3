// Answers: which statements did the versions after $since add, remove or change (in order)?
MATCH (v:_Version)
WHERE v.number > $since
RETURN v.number AS number, v.changes AS changes
ORDER BY v.number
