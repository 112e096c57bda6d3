// GraphiQL at /graphql, bundled (no CDN): opens on the examples the API puts into the page
// (api/examples.graphql, in the JSON block #graphiql-examples) and queries the same origin.
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import "./graphiql.css";

function examples(): string {
  const block = document.getElementById("graphiql-examples");
  const text: unknown = JSON.parse(block?.textContent || '""');
  return typeof text === "string" && text ? text : "{ themes { label proposition } }\n";
}

const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).href });
const plugins = [explorerPlugin()];
const root = document.getElementById("graphiql");
if (root) {
  root.textContent = "";
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={examples()} plugins={plugins} />
    </StrictMode>,
  );
}
