// Publish step of an incremental write: gives existing resources their new labels and
// properties (the whole record: properties not in it are removed).
UNWIND $rows AS row
MATCH (n:Resource {iri: row.iri})
REMOVE n:$(labels(n))
SET n = row.props
SET n:$(row.labels)
