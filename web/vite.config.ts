// Three pages from one build, every asset served by the API itself (no CDN):
//   index.html    the app (SPA routes fall back to it, see api/http/web.py)
//   graphiql.html GraphiQL, served at /graphql with the examples of api/examples.graphql
//   docs.html     Swagger UI for /openapi.json, served at /docs
// The pages' Content-Security-Policy is the one the API sends as a header on every answer
// (api/http/browser.py, docs/decisions/0021): the build adds no meta tag of its own, and the
// dev server sends none (its React refresh preamble is an inline script).
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const api = process.env.SMEKG_API ?? "http://127.0.0.1:8000";
const apiPaths = ["/graphql", "/tables", "/works", "/graph", "/nodes", "/healthz", "/readyz", "/openapi.json"];

export default defineConfig({
  plugins: [react()],
  build: {
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's react-compiler-runtime opens with "use no memo", a hint for the React
        // compiler that bundling drops harmlessly; every other warning is printed.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("use no memo")) return;
        warn(warning);
      },
      input: {
        app: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
        docs: resolve(import.meta.dirname, "docs.html"),
      },
    },
  },
  server: {
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
