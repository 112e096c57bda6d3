// Parts of a Study's (a cited work's or a source document's) projection, chosen by the fields a
// request selects (api/graphql/plan). {{n}} is the work's variable; {{v}} a related node's.
// part: required
.iri
// part: authors
.authorList
// part: year
.year
// part: yearSuffix
.yearSuffix
// part: title
.dcterms_title, .dcterms_title__lang
// part: venue
.venue
// part: volume
.bibo_volume
// part: issue
.bibo_issue
// part: pages
.bibo_pages
// part: doi
.bibo_doi
// part: workType
.workType
// part: citedBy
citedBy: [({{n}}_c:Citation)-[:citedWork]->({{n}}) | {{n}}_c {
  .citedAs, .referenceEntry,
  document: [({{n}}_c)-[:citingDocument]->({{n}}_cd) |
    {{n}}_cd {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}][0],
  sources: [({{n}}_c)-[:source]->({{n}}_x)-[:inDocument]->({{n}}_d) |
    {{n}}_x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
      document: {{n}}_d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]}]
// relation: findings
[({{v}}:Finding)-[:aboutStudy]->({{n}}) | {{v}} {{{p}}}]
// relation: perspectives
[({{v}}:Perspective)-[:representativeStudy]->({{n}}) | {{v}} {{{p}}}]
