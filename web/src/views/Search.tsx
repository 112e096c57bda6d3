// Full-text search over labels, aliases, definitions, quotes and titles, with typed
// results (each kind badged, filterable, linked to the view that shows it).
import { useEffect, useId, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { SearchQuery } from "../api/queries";
import { useQuery } from "../api/useQuery";
import { KindBadge } from "../components/Badges";
import { Page } from "../components/Page";
import { QueryView } from "../components/QueryView";
import type { ResultOf } from "../api/graphql";
import { shortId } from "../lib/ids";
import { pathFor } from "../lib/links";
import { markTerms } from "../lib/quote";
import { readSearch, writeSearch } from "../lib/urlState";

type Hit = ResultOf<typeof SearchQuery>["search"][number];

const FIELDS: Record<string, string> = {
  skos_prefLabel: "name",
  rdfs_label: "name",
  skos_altLabel: "alias",
  skos_definition: "definition",
  dcterms_title: "title",
  quote: "quoted words",
  summary: "our summary",
  label: "name",
};

function target(hit: Hit): string | null {
  const node = hit.node;
  if (node.__typename === "Finding") return pathFor({ id: hit.id, kind: "Finding", study: node.studies[0]?.id });
  if (node.__typename === "Category") return pathFor({ id: hit.id, kind: "Category" });
  return pathFor({ id: hit.id, kind: node.__typename === "OtherNode" ? hit.kind : node.__typename });
}

function detail(hit: Hit): string | null {
  const node = hit.node;
  switch (node.__typename) {
    case "Study":
      return [node.authors, node.year != null ? `(${node.year}${node.yearSuffix ?? ""})` : null, node.title]
        .filter(Boolean)
        .join(" ");
    case "Prediction":
      return `${node.perspective.label} on ${node.theme.label}`;
    case "Finding":
      return node.studies.map((s) => `${s.authors} (${s.year ?? "n.d."})`).join("; ");
    case "Category":
      return `a category of ${node.factor.label}`;
    default:
      return null;
  }
}

export function SearchView() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = readSearch(search);
  const [draft, setDraft] = useState(state.text);
  useEffect(() => setDraft(state.text), [state.text]);
  const inputId = useId();
  const hits = useQuery(SearchQuery, { text: state.text, first: 60 }, { skip: !state.text });
  return (
    <Page
      title="Studies and search"
      intro={
        <p>
          Search every name, alias, definition, title and quoted passage. Or{" "}
          <Link href="/studies">browse the cited studies</Link> by year.
        </p>
      }
    >
      <form
        role="search"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/search${writeSearch({ text: draft, kind: null })}`);
        }}
      >
        <label htmlFor={inputId}>Search the knowledge graph</label>
        <input
          id={inputId}
          type="search"
          name="q"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="e.g. born global, psychic distance, Westhead"
        />
        <button type="submit">Search</button>
      </form>
      {state.text ? (
        <QueryView state={hits} what="the search results">
          {({ search: results }) => <Results results={results} text={state.text} kind={state.kind} />}
        </QueryView>
      ) : (
        <p className="status">Type a word or a name and press Search.</p>
      )}
    </Page>
  );
}

function Results({ results, text, kind }: { results: Hit[]; text: string; kind: string | null }) {
  if (!results.length) {
    return (
      <p className="status" data-status="empty" role="status">
        Nothing matches “{text}”. Try fewer or other words.
      </p>
    );
  }
  const kinds = [...new Map(results.map((r) => [r.kind, results.filter((x) => x.kind === r.kind).length])).entries()];
  const shown = kind ? results.filter((r) => r.kind === kind) : results;
  return (
    <>
      <p role="status" className="result-count">
        {results.length} result{results.length === 1 ? "" : "s"} for “{text}”
      </p>
      <ul className="chips" aria-label="Filter by kind">
        <li>
          <Link href={`/search${writeSearch({ text, kind: null })}`} aria-current={kind === null ? "true" : undefined}>
            All ({results.length})
          </Link>
        </li>
        {kinds.map(([k, count]) => (
          <li key={k}>
            <Link href={`/search${writeSearch({ text, kind: k })}`} aria-current={kind === k ? "true" : undefined}>
              {k.replace(/([a-z])([A-Z])/g, "$1 $2")} ({count})
            </Link>
          </li>
        ))}
      </ul>
      <ol className="results">
        {shown.map((hit) => {
          const href = target(hit);
          const more = detail(hit);
          const label = /^https?:/.test(hit.label) ? shortId(hit.label) : hit.label;
          return (
            <li key={`${hit.id} ${hit.field}`} className="result" data-kind={hit.kind}>
              <KindBadge kind={hit.kind} />{" "}
              {href ? (
                <Link href={href} className="result-label">
                  {label}
                </Link>
              ) : (
                <span className="result-label">{label}</span>
              )}
              {more ? <span className="result-detail"> — {more}</span> : null}
              <p className="snippet">
                <span className="field">{FIELDS[hit.field] ?? hit.field.replace(/_/g, " ")}:</span>{" "}
                {markTerms(hit.snippet, text).map((piece, i) =>
                  piece.match ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
