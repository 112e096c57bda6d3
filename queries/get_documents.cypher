// Answers: which source documents are these (title, label)? $iris: IRI list, or null for all.
CALL () {
  MATCH (d:Resource) WHERE d.iri IN $iris AND d:SourceDocument
  RETURN d
  UNION
  UNWIND CASE WHEN $iris IS NULL THEN [true] ELSE [] END AS everything
  MATCH (d:SourceDocument)
  RETURN d
}
RETURN d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label, .textFile} AS row
ORDER BY d.iri
