// Answers (for the work matcher): which works carry these DOIs (lower case)?
UNWIND $dois AS d
CALL (d) {
  MATCH (w:Work {bibo_doi: d}) RETURN w
  UNION
  MATCH (w:SourceDocument {bibo_doi: d}) RETURN w
}
RETURN w.iri AS iri, w.authorList AS authors, w.year AS year, w.yearSuffix AS yearSuffix,
  w.dcterms_title AS title, w.bibo_doi AS doi,
  [(c:Citation)-[:citedWork]->(w) | c.citedAs] AS citedAs
