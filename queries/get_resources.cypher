// Answers: which of these IRIs exist in the knowledge base (to tell unknown IDs from empty answers)?
MATCH (n:Resource) WHERE n.iri IN $iris
RETURN n.iri AS iri
