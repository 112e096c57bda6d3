// Indexes works by DOI (the work matcher's exact match).
CREATE INDEX work_doi IF NOT EXISTS FOR (w:Work) ON (w.bibo_doi)
