// The verbatim words a statement rests on, with their document and locator. When the API
// gives the words before and after the quote (prefix/suffix, W3C TextQuoteSelector), they
// are shown around it and the quote is highlighted.
import { quoteInContext } from "../lib/quote";

export interface SourceLike {
  id: string;
  quote: string;
  locator: string;
  section?: string | null;
  page?: number | null;
  document: { id: string; title: string; label: string };
  prefix?: string | null;
  suffix?: string | null;
}

export function SourceQuote({ source, compact = false }: { source: SourceLike; compact?: boolean }) {
  const parts = quoteInContext(source.quote, source.prefix, source.suffix);
  const context = Boolean(parts.before || parts.after);
  return (
    <figure className={`source${compact ? " source-compact" : ""}`} data-source={source.id}>
      <blockquote className={context ? "in-context" : undefined}>
        {parts.before ? <span className="context">{parts.before}</span> : null}
        <mark className="quote">{source.quote}</mark>
        {parts.after ? <span className="context">{parts.after}</span> : null}
      </blockquote>
      <figcaption>
        <span className="locator">{source.locator}</span>
        {source.page != null ? <span className="page">, p. {source.page}</span> : null}
        {" — "}
        <cite className="document" title={source.document.title}>
          {source.document.label}
        </cite>
      </figcaption>
    </figure>
  );
}

/** "Our interpretation" note beside a stance or relation, with the project's rationale. */
export function Interpretation({
  by,
  rationale,
  what,
}: {
  by: { label: string } | null | undefined;
  rationale?: string | null;
  what: string;
}) {
  if (!by) return rationale ? <p className="rationale">{rationale}</p> : null;
  return (
    <p className="interpretation">
      <span className="interp-flag" title={`The ${what} is ${by.label}'s reading of the source's words`}>
        Our interpretation
      </span>
      <span className="visually-hidden">
        : the {what} is {by.label}'s reading, not the source's words.{" "}
      </span>
      <span className="rationale">{rationale ?? `${by.label}'s reading of the source's words.`}</span>
    </p>
  );
}
