// Root of a compiled `perspective(id)`: one Perspective by IRI (index seek), projected as {{p}}.
MATCH (root:Resource {iri: $id}) WHERE root:Perspective
RETURN [root {{{p}}}] AS rows, true AS known
