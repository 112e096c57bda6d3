// Creates the full-text index behind the `search` field: labels, aliases, definitions,
// summaries, cell texts, quotes, titles and author lists.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Perspective|PerspectiveFamily|Theme|Prediction|Finding|Work|SourceDocument|Factor|FactorGroup|Category|Item|Implication|QualityNote|SourceExcerpt)
ON EACH [n.skos_prefLabel, n.skos_altLabel, n.skos_definition, n.summary, n.text, n.quote,
         n.dcterms_title, n.authorList, n.proposition, n.rdfs_label]
