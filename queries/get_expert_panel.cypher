// Answers: who was on the expert panel, how were they chosen, and how was it analysed?
MATCH (panel:ExpertPanel)-[:panelOf]->(d:SourceDocument)
RETURN panel {
  .iri, .panelSize, .selection, .method, document: d.iri,
  groups: [(panel)-[:expertGroup]->(g) | g {.iri, .rdfs_label, .groupKind, .count, .share,
    sources: [(g)-[:source]->(x)-[:inDocument]->(doc) |
      x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
         document: doc {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]}],
  sources: [(panel)-[:source]->(x)-[:inDocument]->(doc) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: doc {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY panel.iri
