// Makes every resource's IRI unique (and indexed): the key the loader and the API match on.
CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE
