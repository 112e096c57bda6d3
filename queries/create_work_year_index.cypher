// Indexes works by year: the work matcher compares an entry with the works of nearby years.
CREATE INDEX work_year IF NOT EXISTS FOR (w:Work) ON (w.year)
