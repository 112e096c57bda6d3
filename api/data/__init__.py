"""Data access shared by the GraphQL and REST APIs: named Cypher reads through one driver."""
