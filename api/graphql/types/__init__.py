"""The GraphQL types: entities (perspectives, themes, predictions, studies, findings) and
composite answers (tables, chains, maps, factors, pages, search)."""
