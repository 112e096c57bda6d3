// Indexes staged nodes by IRI: relationship creation and the swap look nodes up by it.
CREATE INDEX staging_iri IF NOT EXISTS FOR (n:_Staging) ON (n.iri)
