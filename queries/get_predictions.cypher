// Answers: what does a perspective predict on a theme, with what stance, resting on which words,
// and how much evidence bears on it? $iris, $perspective, $theme, $stance: filters or null.
// Candidates come from the most selective index seek the filters allow (decision 0010).
CALL () {
  MATCH (pred:Resource) WHERE pred.iri IN $iris AND pred:Prediction
  RETURN pred
  UNION
  MATCH (:Resource {iri: $theme})<-[:theme]-(pred:Prediction) WHERE $iris IS NULL
  RETURN pred
  UNION
  MATCH (:Resource {iri: $perspective})<-[:perspective]-(pred:Prediction)
  WHERE $iris IS NULL AND $theme IS NULL
  RETURN pred
  UNION
  UNWIND CASE WHEN $iris IS NULL AND $theme IS NULL AND $perspective IS NULL
    THEN [true] ELSE [] END AS everything
  MATCH (pred:Prediction)
  RETURN pred
}
MATCH (pred)-[:perspective]->(p:Perspective), (pred)-[:theme]->(t:Theme),
      (pred)-[:stance]->(s:Stance)
WHERE ($perspective IS NULL OR p.iri = $perspective)
  AND ($theme IS NULL OR t.iri = $theme)
  AND ($stance IS NULL OR s.skos_notation = $stance)
RETURN pred {
  .iri, .text, .condition, .rationale,
  perspective: p.iri, theme: t.iri, stance: s.skos_notation,
  interpretedBy: [(pred)-[:interpretedBy]->(a) | a {.iri, .rdfs_label}],
  evidence: [(f:Finding)-[r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(pred) |
    {finding: f.iri, relation: type(r)}],
  sources: [(pred)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row,
  CASE WHEN $perspective IS NULL THEN true ELSE exists { (:Perspective {iri: $perspective}) } END
    AND CASE WHEN $theme IS NULL THEN true ELSE exists { (:Theme {iri: $theme}) } END AS known
ORDER BY t.order, p.order, pred.iri
