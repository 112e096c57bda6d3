// Answers: which works (cited works and source documents) does the knowledge base hold, with their bibliographic data?
MATCH (w:Resource)
WHERE w:Work OR w:SourceDocument
RETURN w {
  .iri, .authorList, .year, .yearSuffix, .dcterms_title, .dcterms_title__lang, .venue,
  .bibo_volume, .bibo_issue, .bibo_pages, .bibo_doi, .workType
} AS work
ORDER BY w.iri
