// Parts of a Finding's projection, chosen by the fields a request selects (api/graphql/plan).
// {{n}} is the finding's variable; {{v}} a related node's; {{p}} that node's projection.
// part: required
.iri
// part: summary
.summary
// part: sample
.sample
// part: country
.country
// part: sector
.sector
// part: method
.method
// part: relation
relation: [({{n}})-[:relation]->({{n}}_r) | {{n}}_r.skos_notation][0]
// part: rationale
.rationale
// part: interpretedBy
interpretedBy: [({{n}})-[:interpretedBy]->({{n}}_a) | {{n}}_a {.iri, .rdfs_label}]
// part: sources
sources: [({{n}})-[:source]->({{n}}_x)-[:inDocument]->({{n}}_d) |
  {{n}}_x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
    document: {{n}}_d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
// relation: studies
[({{n}})-[:aboutStudy]->({{v}}) WHERE {{v}}:Work OR {{v}}:SourceDocument | {{v}} {{{p}}}]
// relation: themes
[({{n}})-[:bearsOnTheme]->({{v}}:Theme) | {{v}} {{{p}}}]
