// Answers: which themes are there (all or these IRIs), with the proposition each tests?
// $iris: IRI list or null.
CALL () {
  MATCH (t:Resource) WHERE t.iri IN $iris AND t:Theme
  RETURN t
  UNION
  UNWIND CASE WHEN $iris IS NULL THEN [true] ELSE [] END AS everything
  MATCH (t:Theme)
  RETURN t
}
RETURN t {
  .iri, .skos_prefLabel, .skos_altLabel, .proposition, .themeNumber, .order,
  predictions: [(pred:Prediction)-[:theme]->(t) | pred.iri],
  sources: [(t)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY t.order, t.iri
