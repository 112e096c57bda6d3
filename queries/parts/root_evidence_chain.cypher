// Root of a compiled `evidenceChain(prediction)`: get_evidence_chain.cypher with the prediction
// projected as {{prediction}}, its findings as {{finding}} and its documents, in one statement.
MATCH (root:Resource {iri: $prediction}) WHERE root:Prediction
MATCH (root)-[:theme]->(t:Theme)
MATCH (root)-[:perspective]->(p:Perspective)
WITH root,
  [(f:Finding)-[r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(root) |
    {finding: f.iri, relation: type(r)}] AS linked,
  [(f:Finding)-[:bearsOnTheme]->(t) WHERE NOT exists { (f)-[:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(root) } |
    {finding: f.iri, relation: [(f)-[:relation]->(r) | r.skos_notation][0]}] AS thematic,
  [(root)-[:source]->(:SourceExcerpt)-[:inDocument]->(d) | d.iri]
    + [(t)-[:discussedIn]->(d) | d.iri] + [(p)-[:discussedIn]->(d) | d.iri] AS documentIris
RETURN root {{{prediction}}} AS prediction, linked, thematic,
  COLLECT {
    MATCH (finding:Resource) WHERE finding.iri IN [x IN linked + thematic | x.finding] AND finding:Finding
    RETURN finding {{{finding}}}
  } AS findings,
  COLLECT {
    MATCH (doc:Resource) WHERE doc.iri IN documentIris AND doc:SourceDocument
    RETURN doc {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label} ORDER BY doc.iri
  } AS documents
