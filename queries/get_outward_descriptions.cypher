// Answers (for the writer): what does the graph say about these resources — labels, properties,
// relationships out — and which citations cite them? Like get_descriptions without the other
// relationships in, which a shared node (a theme, a concept, a class) has from every statement
// using it.
UNWIND $iris AS iri
MATCH (n:Resource {iri: iri})
RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props,
  [(n)-[r]->(o:Resource) | {type: type(r), target: o.iri}] AS out,
  [(s:Resource)-[:citedWork]->(n) | {type: 'citedWork', source: s.iri}] AS in
