// Answers (for the importer): which resources of these classes are there, under which names
// (preferred label, aliases, label)? $classes: Neo4j labels, e.g. ["Perspective", "Theme"].
UNWIND $classes AS cls
MATCH (n:$(cls))
RETURN DISTINCT n.iri AS iri, [l IN labels(n) WHERE l <> 'Resource'] AS labels,
  [x IN [n.skos_prefLabel, n.rdfs_label] + coalesce(n.skos_altLabel, []) WHERE x IS NOT NULL] AS names
