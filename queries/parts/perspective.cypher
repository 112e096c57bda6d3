// Parts of a Perspective's projection, chosen by the fields a request selects (api/graphql/plan).
// {{n}} is the perspective's variable; {{v}} a related node's; {{p}} that node's projection.
// part: required
.iri, .order
// part: label
.skos_prefLabel
// part: altLabels
.skos_altLabel
// part: definition
.skos_definition
// part: scopeNote
.skos_scopeNote
// part: family
family: [({{n}})-[:skos_broader]->({{n}}_f:PerspectiveFamily) | {{n}}_f {.iri, .skos_prefLabel}][0]
// part: documents
documents: [({{n}})-[:discussedIn]->({{n}}_d) | {{n}}_d.iri]
// part: representativeArticles
.representativeArticles
// part: sources
sources: [({{n}})-[:source]->({{n}}_x)-[:inDocument]->({{n}}_d) |
  {{n}}_x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
    document: {{n}}_d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
// relation: representativeStudies
[({{n}})-[:representativeStudy]->({{v}}) WHERE {{v}}:Work OR {{v}}:SourceDocument | {{v}} {{{p}}}]
// relation: predictions
[({{v}}:Prediction)-[:perspective]->({{n}}) | {{v}} {{{p}}}]
