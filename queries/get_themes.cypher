// Answers: which themes are there (all or these IRIs), with the proposition each tests?
// $iris: IRI list or null.
MATCH (t:Theme)
WHERE $iris IS NULL OR t.iri IN $iris
RETURN t {
  .iri, .skos_prefLabel, .skos_altLabel, .proposition, .themeNumber, .order,
  predictions: [(pred:Prediction)-[:theme]->(t) | pred.iri],
  sources: [(t)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY t.order, t.iri
