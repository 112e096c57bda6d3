// Parts of a Theme's projection, chosen by the fields a request selects (api/graphql/plan).
// {{n}} is the theme's variable.
// part: required
.iri, .order
// part: label
.skos_prefLabel
// part: proposition
.proposition
// part: number
.themeNumber
// part: sources
sources: [({{n}})-[:source]->({{n}}_x)-[:inDocument]->({{n}}_d) |
  {{n}}_x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
    document: {{n}}_d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
