// Creates one batch of resource nodes with their labels and properties.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
