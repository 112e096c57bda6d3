// Answers (for the work matcher): which works (and source documents) published in these years
// have one of these author lists (as printed) or none, and how is each cited?
// $years: integers; $authors: author lists as get_author_lists_by_year returned them.
UNWIND $years AS y
CALL (y) {
  MATCH (w:Work {year: y}) RETURN w
  UNION
  MATCH (w:SourceDocument {year: y}) RETURN w
}
WITH w
WHERE w.authorList IS NULL OR w.authorList IN $authors
RETURN w.iri AS iri, w.authorList AS authors, w.year AS year, w.yearSuffix AS yearSuffix,
  w.dcterms_title AS title, w.bibo_doi AS doi,
  [(c:Citation)-[:citedWork]->(w) | c.citedAs] AS citedAs
