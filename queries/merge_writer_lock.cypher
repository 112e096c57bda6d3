// Creates the one writer-lock node if it is missing (its own transaction, before locking it).
MERGE (:_WriterLock {id: 1})
