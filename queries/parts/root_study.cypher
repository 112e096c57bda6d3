// Root of a compiled `study(id)`: one cited work or source document by IRI, projected as {{p}}.
MATCH (root:Resource {iri: $id}) WHERE root:Work OR root:SourceDocument
RETURN [root {{{p}}}] AS rows, true AS known
