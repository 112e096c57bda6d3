// Stages one batch of nodes for a write: properties, and the class labels kept as a
// property until the publish, under the loader's private label only, so no reader's query
// (which match class labels) sees them before it.
UNWIND $rows AS row
CREATE (n:_Staging)
SET n = row.props, n._labels = row.labels
