"""The GraphQL API: entity and composite types, the root fields, per-request loaders, the
pure mapping from query rows to types, and the schema that ties them together."""
