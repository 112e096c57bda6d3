"""Shared core of the SME Internationalization Knowledge Graph: settings, namespaces, Neo4j."""
