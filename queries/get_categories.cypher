// Answers: which categories did the experts name for a factor, by what share of the panel,
// with which items, and what does the prose say of the same figure?
// $iris, $factor, $minShare: filters or null.
CALL () {
  MATCH (c:Resource) WHERE c.iri IN $iris AND c:Category
  RETURN c
  UNION
  MATCH (:Resource {iri: $factor})<-[:inFactor]-(c:Category) WHERE $iris IS NULL
  RETURN c
  UNION
  UNWIND CASE WHEN $iris IS NULL AND $factor IS NULL THEN [true] ELSE [] END AS everything
  MATCH (c:Category)
  RETURN c
}
MATCH (c)-[:inFactor]->(f:Factor)
WHERE ($factor IS NULL OR f.iri = $factor)
  AND ($minShare IS NULL OR c.share >= $minShare)
OPTIONAL MATCH (c)-[:inGroup]->(g:FactorGroup)
RETURN c {
  .iri, .skos_prefLabel, .share, .sampleSize, .order, .rdfs_comment,
  factor: f {.iri, .skos_prefLabel},
  group: CASE WHEN g IS NULL THEN null ELSE g {.iri, .skos_prefLabel} END,
  items: [(i:Item)-[:inCategory]->(c) | i {.iri, .skos_prefLabel, .order}],
  reportedFigures: [(r:ReportedFigure)-[:figureFor]->(c) | r {.iri, .share, .rationale,
    sources: [(r)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]}],
  sources: [(c)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row,
  CASE WHEN $factor IS NULL THEN true ELSE exists { (:Factor {iri: $factor}) } END AS known
ORDER BY f.order, coalesce(g.iri, ''), c.order
