// Answers (for the work matcher): which works (and source documents) were published in these
// years, under which author list, title and DOI, and how is each cited? $years: integers.
UNWIND $years AS y
CALL (y) {
  MATCH (w:Work {year: y}) RETURN w
  UNION
  MATCH (w:SourceDocument {year: y}) RETURN w
}
RETURN w.iri AS iri, w.authorList AS authors, w.year AS year, w.yearSuffix AS yearSuffix,
  w.dcterms_title AS title, w.bibo_doi AS doi,
  [(c:Citation)-[:citedWork]->(w) | c.citedAs] AS citedAs
