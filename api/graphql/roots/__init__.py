"""The root fields of the GraphQL schema, grouped by what they ask about."""
