// Answers: what does each chosen perspective predict on each chosen theme (Table 1 cells)?
// $perspectives / $themes: IRI lists, or null for Table 1's own columns / rows.
// $maxCells: above this many columns x rows no cells are read (the API refuses the table).
CALL () {
  CALL () {
    MATCH (p:Resource) WHERE p.iri IN $perspectives AND p:Perspective
    RETURN p
    UNION
    UNWIND CASE WHEN $perspectives IS NULL THEN [true] ELSE [] END AS everything
    MATCH (p:Perspective) WHERE EXISTS { (:Prediction)-[:perspective]->(p) }
    RETURN p
  }
  OPTIONAL MATCH (p)-[:skos_broader]->(f:PerspectiveFamily)
  RETURN collect(p {
    .iri, .skos_prefLabel, .skos_altLabel, .skos_definition, .order, .representativeArticles,
    family: CASE WHEN f IS NULL THEN null ELSE f {.iri, .skos_prefLabel} END,
    documents: [(p)-[:discussedIn]->(d) | d.iri],
    sources: [(p)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
  }) AS columns
}
CALL () {
  CALL () {
    MATCH (t:Resource) WHERE t.iri IN $themes AND t:Theme
    RETURN t
    UNION
    UNWIND CASE WHEN $themes IS NULL THEN [true] ELSE [] END AS everything
    MATCH (t:Theme)
    RETURN t
  }
  RETURN collect(t {.iri, .skos_prefLabel, .proposition, .themeNumber, .order}) AS rows
}
CALL (columns, rows) {
  // From the chosen columns' predictions, not columns x rows: cost follows the answer.
  WITH [c IN columns | c.iri] AS columnIris, [r IN rows | r.iri] AS rowIris
  WHERE size(columns) * size(rows) <= $maxCells
  MATCH (p:Resource) WHERE p.iri IN columnIris AND p:Perspective
  MATCH (p)<-[:perspective]-(pred:Prediction)-[:theme]->(t:Theme)
  WHERE t.iri IN rowIris
  RETURN collect(pred {
    .iri, .text, .condition, .rationale,
    perspective: p.iri,
    theme: t.iri,
    stance: [(pred)-[:stance]->(s) | s.skos_notation][0],
    interpretedBy: [(pred)-[:interpretedBy]->(a) | a {.iri, .rdfs_label}],
    evidence: [(f:Finding)-[r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(pred) |
      {finding: f.iri, relation: type(r)}],
    sources: [(pred)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
  }) AS cells
}
CALL (columns, rows) {
  WITH [c IN columns | c.iri] + [r IN rows | r.iri] AS shown
  WHERE size(columns) * size(rows) <= $maxCells
  MATCH (target:Resource) WHERE target.iri IN shown AND (target:Perspective OR target:Theme)
  MATCH (n:Footnote)-[:attachedTo]->(target)
  RETURN collect(n {.iri, .text, .footnoteMark, attachedTo: target.iri,
    sources: [(n)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]}) AS footnotes
}
RETURN columns, rows, cells, footnotes
