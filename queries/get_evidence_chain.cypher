// Answers: which findings bear on this prediction (linked to it, or to its theme), and which
// documents discuss it? $prediction: a prediction IRI.
MATCH (pred:Resource {iri: $prediction}) WHERE pred:Prediction
MATCH (pred)-[:theme]->(t:Theme)
MATCH (pred)-[:perspective]->(p:Perspective)
RETURN pred.iri AS prediction,
  [(f:Finding)-[r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(pred) |
    {finding: f.iri, relation: type(r), basis: 'PREDICTION'}] AS linked,
  [(f:Finding)-[:bearsOnTheme]->(t) WHERE NOT exists { (f)-[:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(pred) } |
    {finding: f.iri, relation: [(f)-[:relation]->(r) | r.skos_notation][0], basis: 'THEME'}] AS thematic,
  [(pred)-[:source]->(:SourceExcerpt)-[:inDocument]->(d) | d.iri]
    + [(t)-[:discussedIn]->(d) | d.iri] + [(p)-[:discussedIn]->(d) | d.iri] AS documents
