// Answers: where does a source disagree with itself, and what does each side say?
// $document: a document IRI or null for all.
MATCH (q:QualityNote)-[:noteKind]->(k)
WHERE $document IS NULL OR exists { (q)-[:source]->(:SourceExcerpt)-[:inDocument]->(:SourceDocument {iri: $document}) }
RETURN q {
  .iri, .summary, kind: k.skos_notation,
  concerns: [(q)-[:concerns]->(n) | {iri: n.iri, labels: labels(n),
    label: coalesce(n.skos_prefLabel, n.rdfs_label, n.summary, n.authorList, n.text)}],
  sources: [(q)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row,
  CASE WHEN $document IS NULL THEN true ELSE exists { (:SourceDocument {iri: $document}) } END AS known
ORDER BY q.iri
