// The evidence chain: a prediction → the findings that bear on it (relation, basis, our
// interpretation marked) → the studies (authors, year, venue, BibTeX) → the quoted words,
// highlighted in their context, with document and locator.
import { useState } from "react";
import { Link, useLocation, useParams, useSearch } from "wouter";
import { EvidenceChainQuery, EvidenceMapQuery } from "../api/queries";
import { useQuery } from "../api/useQuery";
import { RELATION_LABELS, RelationBadge, StanceBadge } from "../components/Badges";
import { BibTeX } from "../components/BibTeX";
import { Page } from "../components/Page";
import { QueryView } from "../components/QueryView";
import { Interpretation, SourceQuote } from "../components/SourceQuote";
import type { Relation, ResultOf } from "../api/graphql";
import { fullId, shortId } from "../lib/ids";
import { readEvidence, writeEvidence } from "../lib/urlState";
import { Corrections } from "../components/Corrections";

type Chain = ResultOf<typeof EvidenceChainQuery>["evidenceChain"];
type Item = Chain["findings"][number];
type StudyRef = Item["finding"]["studies"][number];

const ORDER: (Relation | null)[] = ["SUPPORTS", "CONTRADICTS", "QUALIFIES", "MIXED", null];

export function EvidenceChain() {
  const params = useParams<{ id?: string }>();
  const id = params.id ? fullId(decodeURIComponent(params.id)) : null;
  const { excludeCorrected } = readEvidence(useSearch());
  const [path, navigate] = useLocation();
  const chain = useQuery(
    EvidenceChainQuery,
    { prediction: id ?? "", excludeCorrected },
    { skip: id === null, keepPrevious: true },
  );
  return (
    <Page
      title="Evidence chain"
      intro={
        <p>
          From a perspective's prediction to the findings the sources report, the studies behind them and the words of
          the sources. Relations and stances marked <span className="interp-flag">Our interpretation</span> are this
          project's reading.
        </p>
      }
    >
      <Picker current={id} excludeCorrected={excludeCorrected} />
      <label className="toggle">
        <input
          type="checkbox"
          checked={excludeCorrected}
          onChange={(e) => navigate(`${path}${writeEvidence({ excludeCorrected: e.target.checked })}`)}
        />
        Leave out findings on studies since retracted or corrected
      </label>
      {id === null ? (
        <p className="status">
          Choose a perspective and a theme above, or open a cell of the <Link href="/gaps">gap map</Link>.
        </p>
      ) : (
        <QueryView state={chain} what="the evidence chain">
          {({ evidenceChain }) => <ChainView chain={evidenceChain} />}
        </QueryView>
      )}
    </Page>
  );
}

function Picker({ current, excludeCorrected }: { current: string | null; excludeCorrected: boolean }) {
  const map = useQuery(EvidenceMapQuery, { excludeCorrected: false });
  const [, navigate] = useLocation();
  const [choice, setChoice] = useState<{ perspective: string; theme: string } | null>(null);
  if (map.status !== "ok") return null;
  const cells = map.data.evidenceMap;
  const perspectives = [...new Map(cells.map((c) => [c.perspective.id, c.perspective])).values()];
  const themes = [...new Map(cells.map((c) => [c.theme.id, c.theme])).values()];
  const here = cells.find((c) => c.predictionId === current);
  const perspective = choice?.perspective ?? here?.perspective.id ?? perspectives[0]?.id ?? "";
  const theme = choice?.theme ?? here?.theme.id ?? themes[0]?.id ?? "";
  const target = cells.find((c) => c.perspective.id === perspective && c.theme.id === theme);
  return (
    <form
      className="picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (target) {
          navigate(
            `/evidence/${encodeURIComponent(shortId(target.predictionId))}${writeEvidence({ excludeCorrected })}`,
          );
        }
      }}
    >
      <label>
        Perspective
        <select value={perspective} onChange={(e) => setChoice({ perspective: e.target.value, theme })}>
          {perspectives.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Theme
        <select value={theme} onChange={(e) => setChoice({ perspective, theme: e.target.value })}>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.number != null ? `${t.number}. ` : ""}
              {t.proposition}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!target}>
        Show chain
      </button>
    </form>
  );
}

function ChainView({ chain }: { chain: Chain }) {
  const p = chain.prediction;
  const sorted = [...chain.findings].sort((a, b) => ORDER.indexOf(a.relation) - ORDER.indexOf(b.relation));
  const direct = sorted.filter((item) => item.basis === "PREDICTION");
  const onTheme = sorted.filter((item) => item.basis !== "PREDICTION");
  return (
    <div className="chain">
      <section className="chain-step prediction" aria-labelledby="prediction-heading">
        <h2 id="prediction-heading">
          <span className="step-label">Prediction</span> {p.perspective.label} on “
          {p.theme.number != null ? `${p.theme.number}. ` : ""}
          {p.theme.proposition}”
        </h2>
        <p className="prediction-text">
          {p.text ? <q>{p.text}</q> : <em>blank in the source</em>}{" "}
          <StanceBadge stance={p.stance} interpreted={p.interpretedBy != null} />
        </p>
        <Interpretation by={p.interpretedBy} rationale={p.rationale} what="stance" />
        {p.conditions.length ? <p>Depends on: {p.conditions.join("; ")}</p> : null}
        {p.source ? <SourceQuote source={p.source} /> : null}
        {chain.documents.length ? (
          <p className="documents">Discussed in: {chain.documents.map((d) => d.label).join("; ")}</p>
        ) : null}
      </section>
      <section className="chain-step" aria-labelledby="findings-heading">
        <h2 id="findings-heading">
          <span className="step-label">Findings</span> on this prediction: {direct.length}
        </h2>
        {direct.length ? <Tally items={direct} /> : null}
        {direct.length ? (
          <ol className="findings" data-basis="PREDICTION">
            {direct.map((item) => (
              <FindingView key={item.finding.id} item={item} />
            ))}
          </ol>
        ) : (
          <p className="status gap-note" data-status="empty">
            No finding is linked to this prediction: an evidence gap
            {onTheme.length ? " (findings on the theme's proposition follow)." : "."}
          </p>
        )}
      </section>
      {onTheme.length ? (
        <section className="chain-step chain-theme" aria-labelledby="theme-findings-heading">
          <h2 id="theme-findings-heading">
            <span className="step-label">Findings</span> on the theme's proposition: {onTheme.length}
          </h2>
          <p className="muted">
            These bear on “{p.theme.proposition}” itself, not on this perspective's prediction: their relation is to the
            proposition.
          </p>
          <ol className="findings" data-basis="THEME">
            {onTheme.map((item) => (
              <FindingView key={item.finding.id} item={item} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/** "2 supports · 1 contradicts … from 6 studies": the chain at a glance. */
function Tally({ items }: { items: Item[] }) {
  const studies = new Set(items.flatMap((item) => item.finding.studies.map((s) => s.id)));
  const counts = ORDER.map((relation) => [relation, items.filter((i) => i.relation === relation).length] as const);
  return (
    <p className="tally" data-testid="tally">
      {counts
        .filter(([, n]) => n > 0)
        .map(([relation, n]) => `${n} ${relation ? RELATION_LABELS[relation].toLowerCase() : "without a relation"}`)
        .join(" · ")}{" "}
      — from {studies.size} stud{studies.size === 1 ? "y" : "ies"}
    </p>
  );
}

function FindingView({ item }: { item: Item }) {
  const f = item.finding;
  const others = f.sources.filter((s) => s.id !== f.source?.id);
  const facts = [
    ["Sample", f.sample],
    ["Country", f.country],
    ["Sector", f.sector],
    ["Method", f.method],
  ].filter((pair): pair is [string, string] => Boolean(pair[1]));
  return (
    <li
      className={`finding${f.flagged ? " finding-flagged" : ""}`}
      id={shortId(f.id)}
      data-relation={item.relation ?? "NONE"}
      data-flagged={f.flagged}
    >
      <p className="finding-head">
        <RelationBadge relation={item.relation} />{" "}
        <span className="basis">
          {item.basis === "PREDICTION" ? "on this prediction" : "on the theme's proposition"}
        </span>
      </p>
      <Corrections corrections={f.corrections} what="the study this finding rests on" />
      <p className="summary">
        <span className="label">Our summary:</span> {f.summary}
      </p>
      <Interpretation by={f.interpretedBy} rationale={f.rationale} what="relation" />
      {facts.length ? (
        <dl className="facts inline">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="chain-substep">
        <h3>
          <span className="step-label">Stud{f.studies.length === 1 ? "y" : "ies"}</span>
        </h3>
        <ul className="studies">
          {f.studies.map((s) => (
            <StudyLine key={s.id} study={s} />
          ))}
        </ul>
      </div>
      <div className="chain-substep">
        <h3>
          <span className="step-label">The source's words</span>
        </h3>
        {f.source ? <SourceQuote source={f.source} /> : <p>No quote recorded.</p>}
        {others.length ? (
          <details>
            <summary>
              {others.length} more passage{others.length === 1 ? "" : "s"}
            </summary>
            {others.map((s) => (
              <SourceQuote key={s.id} source={s} compact />
            ))}
          </details>
        ) : null}
      </div>
    </li>
  );
}

function StudyLine({ study }: { study: StudyRef }) {
  const year = study.year != null ? `${study.year}${study.yearSuffix ?? ""}` : "n.d.";
  const venue = [study.venue, study.volume && `${study.volume}${study.issue ? `(${study.issue})` : ""}`, study.pages]
    .filter(Boolean)
    .join(", ");
  return (
    <li>
      <Link href={`/studies/${encodeURIComponent(shortId(study.id))}`}>
        {study.authors} ({year})
      </Link>
      {study.title ? <span className="title"> {study.title}.</span> : null}
      {venue ? (
        <span className="venue"> {venue}.</span>
      ) : (
        <span className="venue muted"> Venue not given by the sources.</span>
      )}
      <BibTeX id={study.id} />
    </li>
  );
}
