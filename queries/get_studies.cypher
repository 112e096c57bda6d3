// Answers: which works are cited (filtered by text, years, citing documents), with who cites
// them under which spelling, their findings and the perspectives they represent? Paged.
// $iris, $search, $yearFrom, $yearTo, $citedBy (one document), $citedByAll (documents that
// must all cite it): filters or null; $skip, $limit: the page.
CALL () {
  MATCH (w:Resource) WHERE w.iri IN $iris
  RETURN w
  UNION
  UNWIND CASE WHEN $iris IS NULL THEN [true] ELSE [] END AS everything
  MATCH (w:Work)
  RETURN w
  UNION
  UNWIND CASE WHEN $iris IS NULL THEN [true] ELSE [] END AS everything
  MATCH (w:SourceDocument)
  RETURN w
}
WITH w WHERE (w:Work OR w:SourceDocument)
  AND ($yearFrom IS NULL OR w.year >= $yearFrom)
  AND ($yearTo IS NULL OR w.year <= $yearTo)
  AND ($citedBy IS NULL OR exists { (:Citation)-[:citedWork]->(w), (c:Citation)-[:citingDocument]->(:SourceDocument {iri: $citedBy}) WHERE (c)-[:citedWork]->(w) })
  AND ($citedByAll IS NULL OR all(doc IN $citedByAll WHERE exists {
        (c:Citation)-[:citedWork]->(w) WHERE (c)-[:citingDocument]->(:SourceDocument {iri: doc}) }))
  AND ($search IS NULL OR toLower(w.authorList) CONTAINS toLower($search)
       OR any(t IN CASE WHEN w.dcterms_title IS :: LIST<ANY> THEN w.dcterms_title ELSE [w.dcterms_title] END
              WHERE toLower(t) CONTAINS toLower($search))
       OR exists { (c:Citation)-[:citedWork]->(w) WHERE any(v IN c.citedAs WHERE toLower(v) CONTAINS toLower($search)) })
WITH w ORDER BY w.authorList, w.year, w.iri
WITH collect(w) AS works
RETURN size(works) AS total, [w IN works[$skip..($skip + $limit)] | w {
  .iri, .authorList, .year, .yearSuffix, .dcterms_title, .dcterms_title__lang, .venue,
  .bibo_volume, .bibo_issue, .bibo_pages, .bibo_doi, .workType,
  citedBy: [(c:Citation)-[:citedWork]->(w) | c {
    .citedAs, .referenceEntry,
    document: [(c)-[:citingDocument]->(d) | d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}][0],
    sources: [(c)-[:source]->(x)-[:inDocument]->(d) |
      x {.iri, .quote, .quotePrefix, .quoteSuffix, .locator, .section, .table, .page,
         document: d {.iri, .dcterms_title, .dcterms_title__lang, .rdfs_label}}]
  }],
  findings: [(f:Finding)-[:aboutStudy]->(w) | f.iri],
  perspectives: [(p:Perspective)-[:representativeStudy]->(w) | p.iri],
  corrections: [(k:Correction)-[:corrects]->(w) |
    k {.iri, .reason, .notice, work: w.iri,
      kind: [(k)-[:correctionKind]->(c) | c.skos_notation][0],
      recordedAt: [(k)-[:prov_wasGeneratedBy]->(a) | toString(a.prov_endedAtTime)][0],
      curator: [(k)-[:prov_wasGeneratedBy]->()-[:prov_wasAssociatedWith]->(g) | g.rdfs_label][0]}]
}] AS rows
