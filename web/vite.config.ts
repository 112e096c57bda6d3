// Three pages from one build, every asset served by the API itself (no CDN):
//   index.html    the app (SPA routes fall back to it, see api/http/web.py)
//   graphiql.html GraphiQL, served at /graphql with the examples of api/examples.graphql
//   docs.html     Swagger UI for /openapi.json, served at /docs
// The built pages carry a strict Content-Security-Policy (no inline script; no inline style
// but on the GraphiQL page);
// the dev server does not (its React refresh preamble is an inline script).
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const POLICY = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self' data:", // GraphiQL's stylesheet embeds its fonts
  "connect-src": "'self'",
  "worker-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'self'",
};

/** The policy of each page: GraphiQL alone needs inline styles (see docs/decisions). */
function contentSecurityPolicy(page: string): string {
  const policy: Record<string, string> = { ...POLICY };
  // Radix's react-remove-scroll (GraphiQL's menus and dialogs) adds a <style> element.
  if (page.endsWith("graphiql.html")) policy["style-src"] = "'self' 'unsafe-inline'";
  return Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join("; ");
}

function cspMeta(): Plugin {
  return {
    name: "smekg-csp",
    apply: "build",
    transformIndexHtml: (_html, context) => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(context.path) },
        injectTo: "head-prepend",
      },
    ],
  };
}

const api = process.env.SMEKG_API ?? "http://127.0.0.1:8000";
const apiPaths = ["/graphql", "/tables", "/works", "/graph", "/nodes", "/healthz", "/readyz", "/openapi.json"];

export default defineConfig({
  plugins: [react(), cspMeta()],
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
