// Parts of a Prediction's projection, chosen by the fields a request selects (api/graphql/plan).
// {{n}} is the prediction's variable; {{v}} a related node's; {{p}} that node's projection.
// part: required
.iri, perspective: [({{n}})-[:perspective]->({{n}}_p) | {{n}}_p.iri][0],
theme: [({{n}})-[:theme]->({{n}}_t) | {{n}}_t.iri][0],
stance: [({{n}})-[:stance]->({{n}}_s) | {{n}}_s.skos_notation][0]
// part: text
.text
// part: condition
.condition
// part: rationale
.rationale
// part: interpretedBy
interpretedBy: [({{n}})-[:interpretedBy]->({{n}}_a) | {{n}}_a {.iri, .rdfs_label}]
// part: evidence
evidence: [({{n}}_f:Finding)-[{{n}}_r:supportsPrediction|contradictsPrediction|qualifiesPrediction|mixedEvidenceFor]->({{n}}) |
  {finding: {{n}}_f.iri, relation: type({{n}}_r)}]
// part: sources
sources: [({{n}})-[:source]->({{n}}_x)-[:inDocument]->({{n}}_d) |
  {{n}}_x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
    document: {{n}}_d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
// relation: perspective
[({{n}})-[:perspective]->({{v}}:Perspective) | {{v}} {{{p}}}][0]
// relation: theme
[({{n}})-[:theme]->({{v}}:Theme) | {{v}} {{{p}}}][0]
