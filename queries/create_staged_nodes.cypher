// Stages one batch of nodes for a load: properties only, under the loader's private label,
// so no reader's query (which match class labels) sees them before the swap.
UNWIND $rows AS row
CREATE (n:_Staging)
SET n = row.props
