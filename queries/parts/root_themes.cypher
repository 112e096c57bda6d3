// Root of a compiled `themes`: the order of get_themes.cypher, each theme projected as {{p}}.
MATCH (root:Theme)
WITH root ORDER BY root.order, root.iri
RETURN collect(root {{{p}}}) AS rows, true AS known
