// Root of a compiled `predictions(perspective, theme, stance)`: the candidates, filters and
// order of get_predictions.cypher, each prediction projected as {{p}} (api/graphql/plan).
CALL () {
  MATCH (:Resource {iri: $theme})<-[:theme]-(pred:Prediction)
  RETURN pred
  UNION
  MATCH (:Resource {iri: $perspective})<-[:perspective]-(pred:Prediction) WHERE $theme IS NULL
  RETURN pred
  UNION
  UNWIND CASE WHEN $theme IS NULL AND $perspective IS NULL THEN [true] ELSE [] END AS everything
  MATCH (pred:Prediction)
  RETURN pred
}
MATCH (pred)-[:perspective]->(p:Perspective), (pred)-[:theme]->(t:Theme),
      (pred)-[:stance]->(s:Stance)
WHERE ($perspective IS NULL OR p.iri = $perspective)
  AND ($theme IS NULL OR t.iri = $theme)
  AND ($stance IS NULL OR s.skos_notation = $stance)
WITH pred AS root ORDER BY t.order, p.order, pred.iri
RETURN collect(root {{{p}}}) AS rows,
  CASE WHEN $perspective IS NULL THEN true ELSE exists { (:Perspective {iri: $perspective}) } END
    AND CASE WHEN $theme IS NULL THEN true ELSE exists { (:Theme {iri: $theme}) } END AS known
