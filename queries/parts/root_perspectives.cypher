// Root of a compiled `perspectives(family)`: the order of get_perspectives.cypher, each
// perspective projected as {{p}} (api/graphql/plan).
MATCH (root:Perspective)
OPTIONAL MATCH (root)-[:skos_broader]->(f:PerspectiveFamily)
WITH root, f WHERE $family IS NULL OR f.iri = $family
WITH root ORDER BY coalesce(root.order, 999), root.iri
RETURN collect(root {{{p}}}) AS rows, true AS known
