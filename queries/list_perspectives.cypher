// Answers: which theoretical perspectives are there, in which family, under which names?
// $family: a family IRI to filter by, or null for all.
MATCH (p:Perspective)
OPTIONAL MATCH (p)-[:skos_broader]->(f:PerspectiveFamily)
WITH p, f
WHERE $family IS NULL OR f.iri = $family
RETURN p {
  .iri, .skos_prefLabel, .skos_altLabel, .skos_definition, .order, .representativeArticles,
  sources: [(p)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}],
  family: CASE WHEN f IS NULL THEN null ELSE f {.iri, .skos_prefLabel} END,
  documents: [(p)-[:discussedIn]->(d) | d.iri]
} AS perspective
ORDER BY coalesce(p.order, 999), p.iri
