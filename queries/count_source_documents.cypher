// Answers: how many source documents does the loaded graph hold? None: whatever is loaded
// is not a knowledge base (an ontology alone, say); /readyz does not call it ready.
MATCH (d:SourceDocument)
RETURN count(d) AS documents
