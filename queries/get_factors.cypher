// Answers: which factors of internationalization did the expert panel find, with their groups
// and categories?
MATCH (f:Factor)
RETURN f {
  .iri, .skos_prefLabel, .order,
  groups: [(g:FactorGroup)-[:inFactor]->(f) | g {.iri, .skos_prefLabel}],
  categories: [(c:Category)-[:inFactor]->(f) | c.iri],
  sources: [(f)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY f.order
