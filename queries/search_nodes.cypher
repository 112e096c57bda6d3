// Answers: which nodes mention these words (full-text)? A matching quote is reported on the
// statement that rests on it. $text: Lucene query text (escaped by the caller); $limit.
CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node, score
WITH CASE WHEN node:SourceExcerpt
       THEN coalesce([(owner)-[:source]->(node) | owner][0], node) ELSE node END AS hit,
     node, score
WITH hit, max(score) AS score, collect(node)[0] AS matched
RETURN hit.iri AS iri, [l IN labels(hit) WHERE l <> 'Resource'] AS labels,
  coalesce(hit.skos_prefLabel, hit.rdfs_label, hit.summary, hit.text, hit.authorList) AS label,
  matched {.skos_prefLabel, .skos_altLabel, .skos_definition, .summary, .text, .quote,
           .dcterms_title, .authorList, .proposition, .rdfs_label} AS fields,
  score
ORDER BY score DESC, iri
LIMIT $limit
