// Root of a compiled `categories(factor, minShare)`: the candidates, filters and order of
// get_categories.cypher, each category projected as {{p}} (api/graphql/plan).
CALL () {
  MATCH (:Resource {iri: $factor})<-[:inFactor]-(c:Category)
  RETURN c
  UNION
  UNWIND CASE WHEN $factor IS NULL THEN [true] ELSE [] END AS everything
  MATCH (c:Category)
  RETURN c
}
MATCH (c)-[:inFactor]->(f:Factor)
WHERE ($factor IS NULL OR f.iri = $factor)
  AND ($minShare IS NULL OR c.share >= $minShare)
OPTIONAL MATCH (c)-[:inGroup]->(g:FactorGroup)
WITH c AS root ORDER BY f.order, coalesce(g.iri, ''), c.order
RETURN collect(root {{{p}}}) AS rows,
  CASE WHEN $factor IS NULL THEN true ELSE exists { (:Factor {iri: $factor}) } END AS known
