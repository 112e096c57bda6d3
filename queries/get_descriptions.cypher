// Answers (for the writer): what does the graph say about these resources — labels,
// properties, relationships out and in?
UNWIND $iris AS iri
MATCH (n:Resource {iri: iri})
RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props,
  [(n)-[r]->(o:Resource) | {type: type(r), target: o.iri}] AS out,
  [(s:Resource)-[r]->(n) | {type: type(r), source: s.iri}] AS in
