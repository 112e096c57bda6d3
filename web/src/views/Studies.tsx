// The cited studies, filtered by words and years and paged (the API's Relay connection).
import { useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { StudiesQuery } from "../api/queries";
import { useQuery } from "../api/useQuery";
import { Page } from "../components/Page";
import { QueryView } from "../components/QueryView";
import { shortId } from "../lib/ids";
import { readStudies, type StudiesState, writeStudies } from "../lib/urlState";

const PAGE = 25;

function yearOrNull(value: string): number | null {
  return /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export function Studies() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = readStudies(search);
  const [draft, setDraft] = useState({
    text: state.text,
    from: state.yearFrom?.toString() ?? "",
    to: state.yearTo?.toString() ?? "",
  });
  useEffect(
    () => setDraft({ text: state.text, from: state.yearFrom?.toString() ?? "", to: state.yearTo?.toString() ?? "" }),
    [state.text, state.yearFrom, state.yearTo],
  );
  const studies = useQuery(
    StudiesQuery,
    {
      search: state.text || null,
      yearFrom: state.yearFrom,
      yearTo: state.yearTo,
      first: PAGE,
      after: state.after,
    },
    { keepPrevious: true },
  );
  const go = (next: StudiesState) => navigate(`/studies${writeStudies(next)}`);
  return (
    <Page
      title="Cited studies"
      intro={
        <p>
          Every work the two source documents cite, as they print it. <Link href="/search">Search everything</Link> for
          quotes and names too.
        </p>
      }
    >
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          go({ text: draft.text, yearFrom: yearOrNull(draft.from), yearTo: yearOrNull(draft.to), after: null });
        }}
      >
        <label>
          Authors or title contain
          <input type="search" value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
        </label>
        <label>
          From year
          <input
            inputMode="numeric"
            pattern="\d{4}"
            size={4}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <label>
          To year
          <input
            inputMode="numeric"
            pattern="\d{4}"
            size={4}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button type="submit">Filter</button>
      </form>
      <QueryView state={studies} what="the studies">
        {({ studies: page }) =>
          page.totalCount === 0 ? (
            <p className="status" data-status="empty">
              No study matches these filters.
            </p>
          ) : (
            <>
              <p role="status" className="result-count">
                {page.totalCount} stud{page.totalCount === 1 ? "y" : "ies"}
                {state.after ? " (a later page)" : ""}
              </p>
              <div className="table-scroll" role="region" aria-labelledby="studies-caption" tabIndex={0}>
                <table className="studies-table">
                  <caption id="studies-caption">Cited studies</caption>
                  <thead>
                    <tr>
                      <th scope="col">Authors (year)</th>
                      <th scope="col">Title and venue</th>
                      <th scope="col">Cited by</th>
                      <th scope="col">Findings</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.edges.map(({ node }) => (
                      <tr key={node.id} data-study={node.id}>
                        <th scope="row">
                          <Link href={`/studies/${encodeURIComponent(shortId(node.id))}`}>
                            {node.authors} ({node.year != null ? `${node.year}${node.yearSuffix ?? ""}` : "n.d."})
                          </Link>
                        </th>
                        <td>
                          {node.title ?? <span className="muted">title not given</span>}
                          {node.venue ? <span className="venue">. {node.venue}</span> : null}
                        </td>
                        <td>{node.citedBy.map((c) => c.document.label).join("; ")}</td>
                        <td>{node.findings.length}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Pages">
                {state.after ? (
                  <button type="button" onClick={() => go({ ...state, after: null })}>
                    First page
                  </button>
                ) : null}
                {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
                  <button type="button" onClick={() => go({ ...state, after: page.pageInfo.endCursor })}>
                    Next page
                  </button>
                ) : null}
              </nav>
            </>
          )
        }
      </QueryView>
    </Page>
  );
}
