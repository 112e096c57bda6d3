// Answers: which perspectives are there (all, of one family, or these IRIs), under which names,
// in which family, with which representative studies, alignments and predictions?
// $iris: IRI list or null; $family: family IRI or null.
CALL () {
  MATCH (p:Resource) WHERE p.iri IN $iris AND p:Perspective
  RETURN p
  UNION
  UNWIND CASE WHEN $iris IS NULL THEN [true] ELSE [] END AS everything
  MATCH (p:Perspective)
  RETURN p
}
OPTIONAL MATCH (p)-[:skos_broader]->(f:PerspectiveFamily)
WITH p, f
WHERE $family IS NULL OR f.iri = $family
RETURN p {
  .iri, .skos_prefLabel, .skos_altLabel, .skos_definition, .skos_scopeNote, .order,
  .representativeArticles,
  family: CASE WHEN f IS NULL THEN null ELSE f {.iri, .skos_prefLabel} END,
  broader: [(p)-[:skos_broader]->(b:Perspective) | b.iri],
  documents: [(p)-[:discussedIn]->(d) | d.iri],
  representativeStudies: [(p)-[:representativeStudy]->(w) | w.iri],
  predictions: [(pred:Prediction)-[:perspective]->(p) | pred.iri],
  alignments: [(a:PerspectiveAlignment)-[:alignFrom|alignTo]->(p) | a {
    .mappingKind, .rationale,
    direction: CASE WHEN exists { (a)-[:alignFrom]->(p) } THEN 'from' ELSE 'to' END,
    other: [(a)-[:alignFrom|alignTo]->(o) WHERE o <> p | o.iri][0]
  }],
  sources: [(p)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY coalesce(p.order, 999), p.iri
