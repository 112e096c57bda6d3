// Root of a compiled `comparisonTable(perspectives, themes)`: get_comparison_table.cypher with
// columns projected as {{column}}, rows as {{row}} and cells as {{cell}} (api/graphql/plan).
CALL () {
  CALL () {
    MATCH (p:Resource) WHERE p.iri IN $perspectives AND p:Perspective
    RETURN p
    UNION
    UNWIND CASE WHEN $perspectives IS NULL THEN [true] ELSE [] END AS everything
    MATCH (p:Perspective) WHERE EXISTS { (:Prediction)-[:perspective]->(p) }
    RETURN p
  }
  WITH p AS column
  RETURN collect(column {{{column}}}) AS columns
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
  WITH t AS row
  RETURN collect(row {{{row}}}) AS rows
}
CALL (columns, rows) {
  WITH [c IN columns | c.iri] AS columnIris, [r IN rows | r.iri] AS rowIris
  WHERE size(columns) * size(rows) <= $maxCells
  MATCH (p:Resource) WHERE p.iri IN columnIris AND p:Perspective
  MATCH (p)<-[:perspective]-(cell:Prediction)-[:theme]->(t:Theme)
  WHERE t.iri IN rowIris
  RETURN collect(cell {{{cell}}}) AS cells
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
