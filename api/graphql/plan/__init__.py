"""Compiled requests: a GraphQL request of a common shape answered by one Cypher statement
built from named query parts in queries/parts/, shaped in Python by the same mapping the
resolvers use (docs/decisions/0014)."""
