// Answers: what do the documents imply for policy, research or practice, and which themes or
// factors does each implication concern? $kind (POLICY|RESEARCH|PRACTICE), $theme, $factor,
// $document: filters or null.
MATCH (i:Implication)-[:implicationKind]->(k)
WHERE ($kind IS NULL OR k.skos_notation = $kind)
  AND ($theme IS NULL OR exists { (i)-[:bearsOnTheme]->(:Theme {iri: $theme}) })
  AND ($factor IS NULL OR exists { (i)-[:bearsOnFactor]->(f) WHERE f.iri = $factor
        OR exists { (f)-[:inFactor]->(:Factor {iri: $factor}) } })
  AND ($document IS NULL OR exists {
        (i)-[:source]->(:SourceExcerpt)-[:inDocument]->(:SourceDocument {iri: $document}) })
RETURN i {
  .iri, .rdfs_label, .summary, kind: k.skos_notation,
  themes: [(i)-[:bearsOnTheme]->(t) | t.iri],
  factors: [(i)-[:bearsOnFactor]->(f) | f {.iri, .skos_prefLabel}],
  sources: [(i)-[:source]->(x)-[:inDocument]->(d) |
    x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
       document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
} AS row
ORDER BY i.iri
