// Every request the app makes, as typed GraphQL documents (see graphql.ts): result and
// variable types come from api/schema.graphql.
import { graphql } from "./graphql";

export const SourceFields = graphql(`
  fragment SourceFields on Source {
    id
    locator
    section
    table
    page
    quote
    prefix
    suffix
    document {
      id
      title
      label
    }
  }
`);

export const CorrectionFields = graphql(`
  fragment CorrectionFields on Correction {
    id
    kind
    reason
    notice
    recordedAt
  }
`);

export const CatalogueQuery = graphql(`
  query Catalogue {
    perspectives {
      id
      label
      order
      family {
        label
      }
    }
    themes {
      id
      label
      proposition
      number
      order
    }
  }
`);

export const ComparisonQuery = graphql(
  `
    query Comparison($perspectives: [ID!], $themes: [ID!]) {
      comparisonTable(perspectives: $perspectives, themes: $themes) {
        columns {
          id
          label
          family {
            label
          }
          representativeArticles {
            text
            source {
              ...SourceFields
            }
          }
        }
        rows {
          theme {
            id
            label
            proposition
            number
          }
          cells {
            id
            text
            stance
            conditions
            rationale
            interpretedBy {
              label
            }
            source {
              ...SourceFields
            }
            evidence {
              supports
              contradicts
              qualifies
              mixed
            }
            perspective {
              id
            }
          }
        }
        footnotes {
          id
          mark
          text
          attachedTo
          source {
            ...SourceFields
          }
        }
      }
    }
  `,
  [SourceFields],
);

export const EvidenceMapQuery = graphql(`
  query EvidenceMap($excludeCorrected: Boolean!) {
    evidenceMap(excludeCorrected: $excludeCorrected) {
      perspective {
        id
        label
      }
      theme {
        id
        label
        proposition
        number
      }
      predictionId
      supports
      contradicts
      qualifies
      mixed
      corrected
    }
  }
`);

export const EvidenceChainQuery = graphql(
  `
    query EvidenceChain($prediction: ID!, $excludeCorrected: Boolean!) {
      evidenceChain(prediction: $prediction, excludeCorrected: $excludeCorrected) {
        prediction {
          id
          text
          stance
          conditions
          rationale
          interpretedBy {
            label
          }
          source {
            ...SourceFields
          }
          perspective {
            id
            label
          }
          theme {
            id
            label
            proposition
            number
          }
        }
        documents {
          id
          title
          label
        }
        findings {
          relation
          basis
          finding {
            id
            summary
            sample
            country
            sector
            method
            rationale
            interpretedBy {
              label
            }
            flagged
            corrections {
              ...CorrectionFields
            }
            studies {
              id
              authors
              year
              yearSuffix
              title
              venue
              volume
              issue
              pages
              doi
            }
            source {
              ...SourceFields
            }
            sources {
              ...SourceFields
            }
          }
        }
      }
    }
  `,
  [SourceFields, CorrectionFields],
);

export const FactorsQuery = graphql(
  `
    query Factors {
      factors {
        id
        label
        order
        groups {
          id
          label
        }
        sources {
          ...SourceFields
        }
        categories {
          id
          label
          share
          sampleSize
          order
          group {
            id
            label
          }
          items {
            id
            label
            order
          }
          source {
            ...SourceFields
          }
          reportedFigures {
            id
            share
            rationale
            source {
              ...SourceFields
            }
          }
        }
      }
      expertPanels {
        id
        size
        selection
        method
      }
    }
  `,
  [SourceFields],
);

export const QualityNotesQuery = graphql(
  `
    query QualityNotes($document: ID) {
      qualityNotes(document: $document) {
        id
        kind
        summary
        concerns {
          id
          kind
          label
        }
        sides {
          ...SourceFields
        }
      }
    }
  `,
  [SourceFields],
);

export const SearchQuery = graphql(`
  query Search($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      id
      kind
      label
      field
      snippet
      score
      node {
        __typename
        ... on Study {
          id
          authors
          year
          yearSuffix
          title
        }
        ... on Prediction {
          predictionId: id
          text
          perspective {
            label
          }
          theme {
            label
          }
        }
        ... on Finding {
          id
          summary
          studies {
            id
            authors
            year
          }
        }
        ... on Category {
          id
          label
          factor {
            id
            label
          }
        }
      }
    }
  }
`);

export const StudiesQuery = graphql(`
  query Studies($search: String, $yearFrom: Int, $yearTo: Int, $first: Int, $after: String) {
    studies(search: $search, yearFrom: $yearFrom, yearTo: $yearTo, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          authors
          year
          yearSuffix
          title
          venue
          citedBy {
            document {
              id
              label
            }
          }
          findings {
            id
          }
        }
      }
    }
  }
`);

export const StudyQuery = graphql(
  `
    query Study($id: ID!) {
      study(id: $id) {
        id
        authors
        year
        yearSuffix
        title
        venue
        volume
        issue
        pages
        doi
        workType
        corrections {
          ...CorrectionFields
        }
        citedBy {
          document {
            id
            title
            label
          }
          citedAs
          referenceEntry
          sources {
            ...SourceFields
          }
        }
        findings {
          id
          summary
          sample
          country
          sector
          method
          flagged
          relation
          rationale
          interpretedBy {
            label
          }
          source {
            ...SourceFields
          }
          predictionLinks {
            relation
            prediction {
              id
              text
              stance
              perspective {
                label
              }
              theme {
                label
                proposition
              }
            }
          }
          themes {
            id
            label
          }
        }
        perspectives {
          id
          label
        }
      }
      qualityNotes {
        id
        kind
        summary
        concerns {
          id
          kind
          label
        }
        sides {
          ...SourceFields
        }
      }
    }
  `,
  [SourceFields, CorrectionFields],
);

export const KnowledgeBaseQuery = graphql(`
  query KnowledgeBase {
    knowledgeBase {
      version
      number
      release
      loadedAt
    }
  }
`);
