// Makes the writer-lock node unique, so concurrent writers that create it still share one.
CREATE CONSTRAINT writer_lock_id IF NOT EXISTS FOR (l:_WriterLock) REQUIRE l.id IS UNIQUE
