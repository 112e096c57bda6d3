// A request's last data read and the knowledge base's state after it, in one statement (the
// check of decisions 0011 and 0013; why the order holds: decision 0031). {{statement}} is the
// data statement, {{columns}} its returned columns as a map, {{state}} get_kb_state.cypher.
// collect() is eager: it consumes every row of the data statement, so every data read is done
// before it yields; the state subquery is correlated to that one row, so it runs after it.
CALL () {
{{statement}}
}
WITH collect({{{columns}}}) AS answers
CALL (answers) {
  WITH answers WHERE answers IS NOT NULL
{{state}}
}
RETURN answers, version, seq, writing
