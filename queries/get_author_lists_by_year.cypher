// Answers (for the work matcher): under which author lists (as printed) were works and source
// documents published in these years? Each list once; works without one are left out (they are
// always fetched). $years: integers.
UNWIND $years AS y
CALL (y) {
  MATCH (w:Work {year: y}) RETURN w
  UNION
  MATCH (w:SourceDocument {year: y}) RETURN w
}
WITH w.authorList AS authors
WHERE authors IS NOT NULL
RETURN DISTINCT authors
