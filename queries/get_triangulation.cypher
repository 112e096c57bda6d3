// Answers: what does the literature say (a review's perspective and/or theme and its predictions)
// beside what the expert panel found (a factor and its categories), in whose words, and do they
// agree (this project's reading)? $perspective, $theme, $factor: filters or null.
MATCH (t:TriangulationLink)-[:panelFactor]->(f:Factor)
WHERE ($perspective IS NULL OR exists { (t)-[:literaturePerspective]->(:Resource {iri: $perspective}) })
  AND ($theme IS NULL OR exists { (t)-[:literatureTheme]->(:Resource {iri: $theme}) })
  AND ($factor IS NULL OR f.iri = $factor)
OPTIONAL MATCH (t)-[:literaturePerspective]->(p:Perspective)
OPTIONAL MATCH (t)-[:literatureTheme]->(th:Theme)
RETURN t {
  .iri, .summary, .rationale,
  agreement: [(t)-[:agreement]->(a) | a.skos_notation][0],
  interpretedBy: [(t)-[:interpretedBy]->(a) | a {.iri, .rdfs_label}],
  perspective: p.iri,
  theme: th.iri,
  predictions: COLLECT {
    MATCH (px:Perspective)<-[:perspective]-(x:Prediction)-[:theme]->(tx:Theme)
    WHERE (p IS NOT NULL OR th IS NOT NULL) AND (p IS NULL OR px = p) AND (th IS NULL OR tx = th)
    RETURN x.iri ORDER BY tx.order, px.order
  },
  factor: f {
    .iri, .skos_prefLabel, .order,
    groups: [(g:FactorGroup)-[:inFactor]->(f) | g {.iri, .skos_prefLabel}],
    categories: [(c:Category)-[:inFactor]->(f) | c.iri],
    sources: [(f)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]},
  categories: [(t)-[:panelCategory]->(c) | c.iri],
  panelDocuments: [(f)-[:source]->()-[:inDocument]->(d) | d.iri],
  sources: [(t)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY coalesce(p.order, 1000), coalesce(th.order, 1000), f.order, t.iri
