"""A document's statements as a filled coding sheet: the inverse of the importer."""
