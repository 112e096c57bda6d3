// Parts of a Category's projection, chosen by the fields a request selects (api/graphql/plan).
// {{n}} is the category's variable.
// part: required
.iri, .share, .sampleSize, .order,
factor: [({{n}})-[:inFactor]->({{n}}_f:Factor) | {{n}}_f {.iri, .skos_prefLabel}][0]
// part: label
.skos_prefLabel
// part: items
items: [({{n}}_i:Item)-[:inCategory]->({{n}}) | {{n}}_i {.iri, .skos_prefLabel, .order}]
// part: group
group: [({{n}})-[:inGroup]->({{n}}_g:FactorGroup) | {{n}}_g {.iri, .skos_prefLabel}][0]
// part: reportedFigures
reportedFigures: [({{n}}_r:ReportedFigure)-[:figureFor]->({{n}}) | {{n}}_r {.iri, .share, .rationale,
  sources: [({{n}}_r)-[:source]->({{n}}_x)-[:inDocument]->({{n}}_d) |
    {{n}}_x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
      document: {{n}}_d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]}]
// part: sources
sources: [({{n}})-[:source]->({{n}}_x)-[:inDocument]->({{n}}_d) |
  {{n}}_x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
    document: {{n}}_d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
