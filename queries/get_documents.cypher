// Answers: which source documents are these (title, label)? $iris: IRI list, or null for all.
MATCH (d:SourceDocument)
WHERE $iris IS NULL OR d.iri IN $iris
RETURN d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label, .textFile} AS row
ORDER BY d.iri
