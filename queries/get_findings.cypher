// Answers: what did a study find, on which sample, where, how does it bear on themes,
// predictions and perspectives, and was a study it rests on retracted or corrected?
// $iris: IRI list.
MATCH (f:Resource)
WHERE f.iri IN $iris AND f:Finding
RETURN f {
  .iri, .summary, .sample, .country, .sector, .method, .rationale,
  relation: [(f)-[:relation]->(r) | r.skos_notation][0],
  studies: [(f)-[:aboutStudy]->(w) | w.iri],
  themes: [(f)-[:bearsOnTheme]->(t) | t.iri],
  factors: [(f)-[:bearsOnFactor]->(c) | c.iri],
  predictions: [(f)-[r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->(p) |
    {prediction: p.iri, relation: type(r)}],
  perspectives: [(f)-[r:supportsPerspective|contradictsPerspective]->(p) |
    {perspective: p.iri, relation: type(r)}],
  interpretedBy: [(f)-[:interpretedBy]->(a) | a {.iri, .rdfs_label}],
  corrections: [(f)-[:aboutStudy]->(w)<-[:corrects]-(k:Correction) |
    k {.iri, .reason, .notice, work: w.iri,
      kind: [(k)-[:correctionKind]->(c) | c.skos_notation][0],
      recordedAt: [(k)-[:prov_wasGeneratedBy]->(a) | toString(a.prov_endedAtTime)][0],
      curator: [(k)-[:prov_wasGeneratedBy]->()-[:prov_wasAssociatedWith]->(g) | g.rdfs_label][0]}],
  sources: [(f)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY f.iri
