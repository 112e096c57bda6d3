"""Pure mapping from query rows (dicts of Neo4j values) to the GraphQL types: one entity
at a time (`records`) and composite answers (`assemble`)."""
