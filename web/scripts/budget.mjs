// After `vite build`: the gzipped size of the JavaScript each page loads (its entry chunk
// and every chunk it imports, statically or lazily), printed; the build fails when the
// app's exceeds the budget. GraphiQL and the API reference are separate pages, reported.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = new URL("../dist/", import.meta.url).pathname;
const BUDGET_KB = 250;
const manifest = JSON.parse(readFileSync(join(DIST, ".vite/manifest.json"), "utf8"));

function chunks(key, seen = new Set()) {
  const entry = manifest[key];
  if (!entry || seen.has(key)) return seen;
  seen.add(key);
  for (const next of [...(entry.imports ?? []), ...(entry.dynamicImports ?? [])]) chunks(next, seen);
  return seen;
}

function gzipKb(file) {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1000;
}

const pages = { app: "index.html", graphiql: "graphiql.html", "API reference": "docs.html" };
let failed = false;
for (const [name, key] of Object.entries(pages)) {
  const files = [...chunks(key)].map((k) => manifest[k].file).filter((f) => f.endsWith(".js"));
  const kb = files.reduce((sum, file) => sum + gzipKb(file), 0);
  const limit = name === "app" ? ` (budget ${BUDGET_KB} kB)` : "";
  console.log(`JavaScript of ${name}: ${kb.toFixed(1)} kB gzipped in ${files.length} file(s)${limit}`);
  if (name === "app" && kb > BUDGET_KB) failed = true;
}
if (failed) {
  console.error(`The app's JavaScript exceeds its budget of ${BUDGET_KB} kB gzipped.`);
  process.exit(1);
}
