// Typed GraphQL documents with gql.tada: `npm run schema-types` turns the committed schema
// (api/schema.graphql, exported from the API's code) into src/graphql-env.d.ts, and
// TypeScript infers each document's result and variables from it; `gql-tada check` and
// `tsc` fail the build when a query no longer fits the schema.
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "../graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { ID: string };
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf, TadaDocumentNode } from "gql.tada";

export type Stance = ReturnType<typeof graphql.scalar<"Stance">>;
export type Relation = ReturnType<typeof graphql.scalar<"Relation">>;
