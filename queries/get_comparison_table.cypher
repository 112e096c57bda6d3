// Answers: what does each chosen perspective predict on each chosen theme (Table 1 cells)?
// $perspectives / $themes: IRI lists, or null for Table 1's own columns / rows.
CALL () {
  MATCH (p:Perspective)
  WHERE ($perspectives IS NULL AND EXISTS { (:Prediction)-[:perspective]->(p) })
     OR p.iri IN coalesce($perspectives, [])
  OPTIONAL MATCH (p)-[:skos_broader]->(f:PerspectiveFamily)
  RETURN collect(p {
    .iri, .skos_prefLabel, .skos_altLabel, .skos_definition, .order, .representativeArticles,
    family: CASE WHEN f IS NULL THEN null ELSE f {.iri, .skos_prefLabel} END,
    documents: [(p)-[:discussedIn]->(d) | d.iri],
    sources: [(p)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
  }) AS columns
}
CALL () {
  MATCH (t:Theme)
  WHERE $themes IS NULL OR t.iri IN $themes
  RETURN collect(t {.iri, .skos_prefLabel, .proposition, .themeNumber, .order}) AS rows
}
CALL (columns, rows) {
  UNWIND columns AS column
  UNWIND rows AS row
  MATCH (pred:Prediction)-[:perspective]->(:Perspective {iri: column.iri}),
        (pred)-[:theme]->(:Theme {iri: row.iri})
  RETURN collect(pred {
    .iri, .text, .condition, .rationale,
    perspective: column.iri,
    theme: row.iri,
    stance: [(pred)-[:stance]->(s) | s.skos_notation][0],
    interpretedBy: [(pred)-[:interpretedBy]->(a) | a {.iri, .rdfs_label}],
    evidence: [(f:Finding)-[r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(pred) |
      {finding: f.iri, relation: type(r)}],
    sources: [(pred)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
  }) AS cells
}
CALL () {
  MATCH (n:Footnote)-[:attachedTo]->(target)
  WHERE target:Perspective OR target:Theme
  RETURN collect(n {.iri, .text, .footnoteMark, attachedTo: target.iri,
    sources: [(n)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]}) AS footnotes
}
RETURN columns, rows, cells, footnotes
