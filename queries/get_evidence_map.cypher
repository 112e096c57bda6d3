// Answers: for each perspective and theme, how many findings support, contradict, qualify or
// give mixed evidence on the perspective's prediction, from which studies, and which of those
// findings rest on a study since retracted or corrected?
// $perspectives / $themes: IRI lists or null (all that have predictions / all themes).
MATCH (pred:Prediction)-[:perspective]->(p:Perspective), (pred)-[:theme]->(t:Theme)
WHERE ($perspectives IS NULL OR p.iri IN $perspectives) AND ($themes IS NULL OR t.iri IN $themes)
RETURN p.iri AS perspective, t.iri AS theme, pred.iri AS prediction,
  [(f:Finding)-[r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(pred) |
    {relation: type(r), studies: [(f)-[:aboutStudy]->(w) | w.iri],
     corrected: exists { (f)-[:aboutStudy]->()<-[:corrects]-(:Correction) }}] AS evidence
ORDER BY t.order, p.order
