// A study: its reference as printed, how each source document cites it (the variants),
// what the sources report it found, and the quality notes that concern it.
import { Link, useParams } from "wouter";
import { StudyQuery } from "../api/queries";
import { useQuery } from "../api/useQuery";
import { RelationBadge, StanceBadge } from "../components/Badges";
import { BibTeX } from "../components/BibTeX";
import { Page } from "../components/Page";
import { QueryView } from "../components/QueryView";
import { Corrections } from "../components/Corrections";
import { Interpretation, SourceQuote } from "../components/SourceQuote";
import type { ResultOf } from "../api/graphql";
import { fullId, shortId } from "../lib/ids";
import { notesConcerning } from "../lib/factors";
import { NoteView } from "./Disagreements";

type Study = ResultOf<typeof StudyQuery>["study"];

export function StudyPage() {
  const params = useParams<{ id: string }>();
  const id = fullId(decodeURIComponent(params.id));
  const study = useQuery(StudyQuery, { id });
  return (
    <QueryView state={study} what="the study">
      {({ study: s, qualityNotes }) => (
        <Page title={`${s.authors} (${s.year != null ? `${s.year}${s.yearSuffix ?? ""}` : "n.d."})`}>
          <Corrections corrections={s.corrections} what="this study" />
          <Reference study={s} />
          <Citations study={s} />
          <Findings study={s} />
          <section aria-labelledby="study-notes-heading">
            <h2 id="study-notes-heading">Quality notes concerning it</h2>
            {(() => {
              const notes = notesConcerning(qualityNotes, new Set([s.id, ...s.findings.map((f) => f.id)]));
              return notes.length ? (
                <ol className="notes">
                  {notes.map((note) => (
                    <NoteView key={note.id} note={note} />
                  ))}
                </ol>
              ) : (
                <p data-status="empty">No quality note concerns this study.</p>
              );
            })()}
          </section>
        </Page>
      )}
    </QueryView>
  );
}

function Reference({ study: s }: { study: Study }) {
  const facts: [string, string | null][] = [
    ["Title", s.title],
    ["Venue", s.venue],
    ["Volume (issue)", s.volume ? `${s.volume}${s.issue ? ` (${s.issue})` : ""}` : null],
    ["Pages", s.pages],
    ["Type", s.workType === "unknown" ? null : s.workType],
  ];
  return (
    <section aria-labelledby="reference-heading">
      <h2 id="reference-heading">Reference</h2>
      <dl className="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        {s.doi ? (
          <div>
            <dt>DOI</dt>
            <dd>
              <a href={`https://doi.org/${s.doi}`} rel="noreferrer">
                {s.doi}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {!s.title && !s.venue ? (
        <p className="muted">
          The sources cite it in the text only; they give no title or venue, and none is invented here.
        </p>
      ) : null}
      {s.perspectives.length ? (
        <p>
          Named representative of:{" "}
          {s.perspectives.map((p, i) => (
            <span key={p.id}>
              {i ? "; " : ""}
              <Link href={`/comparison?p=${encodeURIComponent(shortId(p.id))}`}>{p.label}</Link>
            </span>
          ))}
        </p>
      ) : null}
      <BibTeX id={s.id} />
    </section>
  );
}

function Citations({ study: s }: { study: Study }) {
  return (
    <section aria-labelledby="citations-heading">
      <h2 id="citations-heading">How each document cites it</h2>
      <ul className="citations">
        {s.citedBy.map((c) => (
          <li key={c.document.id} data-document={c.document.id}>
            <h3>{c.document.label}</h3>
            <p>
              Cited as:{" "}
              {c.citedAs.map((form, i) => (
                <span key={form}>
                  {i ? ", " : ""}
                  <q className="cited-as">{form}</q>
                </span>
              ))}
              {c.citedAs.length > 1 ? <span className="muted"> ({c.citedAs.length} variants)</span> : null}
            </p>
            {c.referenceEntry ? (
              <p>
                Reference list: <span className="reference-entry">{c.referenceEntry}</span>
              </p>
            ) : (
              <p className="muted">No reference-list entry in this document.</p>
            )}
            {c.sources.length ? (
              <details>
                <summary>
                  Where ({c.sources.length} passage{c.sources.length === 1 ? "" : "s"})
                </summary>
                {c.sources.map((src) => (
                  <SourceQuote key={src.id} source={src} compact />
                ))}
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Findings({ study: s }: { study: Study }) {
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">What the sources report it found</h2>
      {s.findings.length ? (
        <ol className="findings">
          {s.findings.map((f) => (
            <li key={f.id} id={shortId(f.id)} className={`finding${f.flagged ? " finding-flagged" : ""}`}>
              {f.flagged ? (
                <p className="corrections">
                  <span className="badge correction">⚠ Rests on a corrected study</span> See the notice above.
                </p>
              ) : null}
              <p className="summary">
                <span className="label">Our summary:</span> {f.summary}
              </p>
              {f.relation ? (
                <p>
                  <RelationBadge relation={f.relation} /> the proposition of{" "}
                  {f.themes.map((t) => t.label).join("; ") || "its theme"}
                </p>
              ) : null}
              <Interpretation by={f.interpretedBy} rationale={f.rationale} what="relation" />
              {[f.sample, f.country, f.sector, f.method].some(Boolean) ? (
                <p className="muted">
                  {[
                    f.sample && `Sample: ${f.sample}`,
                    f.country && `Country: ${f.country}`,
                    f.sector && `Sector: ${f.sector}`,
                    f.method && `Method: ${f.method}`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              ) : null}
              {f.source ? <SourceQuote source={f.source} /> : null}
              {f.predictionLinks.length ? (
                <ul className="prediction-links">
                  {f.predictionLinks.map((link) => (
                    <li key={link.prediction.id ?? link.prediction.text}>
                      <RelationBadge relation={link.relation} />{" "}
                      {link.prediction.id ? (
                        <Link href={`/evidence/${encodeURIComponent(shortId(link.prediction.id))}`}>
                          {link.prediction.perspective.label}: {link.prediction.theme.proposition}
                        </Link>
                      ) : (
                        `${link.prediction.perspective.label}: ${link.prediction.theme.proposition}`
                      )}{" "}
                      <StanceBadge stance={link.prediction.stance} interpreted />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p data-status="empty">The sources cite this work without reporting a finding of it.</p>
      )}
    </section>
  );
}
