// Root of a compiled `theme(id)`: one Theme by IRI (index seek), projected as {{p}}.
MATCH (root:Resource {iri: $id}) WHERE root:Theme
RETURN [root {{{p}}}] AS rows, true AS known
