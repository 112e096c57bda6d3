// After a full load, second of two: drops every cached plan, so none made while the graph was
// empty or half staged is used again (decision 0033).
CALL db.clearQueryCaches()
