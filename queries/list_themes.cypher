// Answers: which themes does the comparison cover, in the source table's row order?
MATCH (t:Theme)
RETURN t {.iri, .skos_prefLabel, .proposition, .themeNumber, .order} AS theme
ORDER BY t.order, t.iri
