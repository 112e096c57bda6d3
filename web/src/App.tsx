// The app's frame and routes. Every view's state is in its URL (see lib/urlState.ts);
// the API serves index.html for any path that is not one of its own (api/http/web.py).
import { Link, Route, Switch, useLocation } from "wouter";
import { KnowledgeBaseQuery } from "./api/queries";
import { useQuery } from "./api/useQuery";
import { Comparison } from "./views/Comparison";
import { Disagreements } from "./views/Disagreements";
import { EvidenceChain } from "./views/EvidenceChain";
import { Factors } from "./views/Factors";
import { GapMap } from "./views/GapMap";
import { NotFound } from "./views/NotFound";
import { SearchView } from "./views/Search";
import { Studies } from "./views/Studies";
import { StudyPage } from "./views/Study";

const NAV = [
  { href: "/comparison", label: "Comparison", match: (p: string) => p === "/" || p.startsWith("/comparison") },
  { href: "/gaps", label: "Gap map", match: (p: string) => p.startsWith("/gaps") },
  { href: "/evidence", label: "Evidence chain", match: (p: string) => p.startsWith("/evidence") },
  { href: "/factors", label: "Factors", match: (p: string) => p.startsWith("/factors") },
  {
    href: "/search",
    label: "Studies & search",
    match: (p: string) => p.startsWith("/search") || p.startsWith("/studies"),
  },
  { href: "/disagreements", label: "Disagreements", match: (p: string) => p.startsWith("/disagreements") },
];

function Header() {
  const [path] = useLocation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="brand">
        <Link href="/">SME Internationalization Knowledge Graph</Link>
      </div>
      <nav aria-label="Views">
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.match(path) ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="API" className="api-links">
        <ul>
          <li>
            <a href="/graphql">GraphiQL</a>
          </li>
          <li>
            <a href="/docs">API docs</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}

/** Which knowledge base the answers come from: cite this with what you take from it. */
function KnowledgeBaseVersion() {
  const kb = useQuery(KnowledgeBaseQuery, {});
  if (kb.status !== "ok") return null;
  const { number, release, version, loadedAt } = kb.data.knowledgeBase;
  return (
    <p className="kb-version">
      Knowledge base version {number}
      {release ? ` (release ${release})` : ""}, content id <code>{version}</code>
      {loadedAt ? `, published ${loadedAt.slice(0, 10)}` : ""}.
    </p>
  );
}

export function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/" component={Comparison} />
          <Route path="/comparison" component={Comparison} />
          <Route path="/gaps" component={GapMap} />
          <Route path="/evidence" component={EvidenceChain} />
          <Route path="/evidence/:id" component={EvidenceChain} />
          <Route path="/factors" component={Factors} />
          <Route path="/search" component={SearchView} />
          <Route path="/studies" component={Studies} />
          <Route path="/studies/:id" component={StudyPage} />
          <Route path="/disagreements" component={Disagreements} />
          <Route component={NotFound} />
        </Switch>
      </main>
      <footer className="site-footer">
        <KnowledgeBaseVersion />
        <p>
          Every statement names its source document, its location and the verbatim words it rests on; a stance or
          relation marked <span className="interp-flag">Our interpretation</span> is this project's reading. Knowledge
          base CC BY 4.0; quotations remain the words of their authors.
        </p>
      </footer>
    </>
  );
}
