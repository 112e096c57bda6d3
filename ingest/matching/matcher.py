"""One node per work: an incoming bibliography entry or author-year citation matched against
the works already in the graph.

A DOI decides alone. Otherwise a candidate must have compatible authors (same first author,
no missing co-author), year and title (see compare.py); the best one is taken when what
agrees is conclusive (authors, and the title or the exact year) and no other candidate comes
within AMBIGUITY_MARGIN points of it. Anything less stops for the curator (AMBIGUOUS), whose
decision file settles it."""

from collections.abc import Sequence
from typing import Final

from ingest.bibliography.model import BibEntry
from ingest.matching.cited_forms import CitedForm, parse_cited_form
from ingest.matching.compare import (
    Record,
    assess,
    candidate_record,
    entry_record,
    form_record,
    make_record,
)
from ingest.matching.decisions import DecisionError, Decisions
from ingest.matching.model import Candidate, Match, MatchKind, ScoredCandidate
from ingest.matching.names import parse_author_list
from ingest.matching.pool import CandidatePool, as_pool

Candidates = Sequence[Candidate] | CandidatePool

# The best candidate must lead the next compatible one by this many points (of 100).
AMBIGUITY_MARGIN: Final = 5.0


def assess_all(record: Record, candidates: Sequence[Candidate]) -> list[ScoredCandidate]:
    """Every candidate as compared with ``record``, in the candidates' order."""
    return [assess(record, candidate_record(c), c.iri) for c in candidates]


def _summary(scored: ScoredCandidate) -> str:
    agreed = ", ".join(scored.confirmed) or "nothing"
    missing = f"; no {', '.join(scored.unconfirmed)} to compare" if scored.unconfirmed else ""
    differing = "; " + "; ".join(str(d) for d in scored.differences) if scored.differences else ""
    return f"{scored.iri} (score {scored.score:.0f}: agrees on {agreed}{missing}{differing})"


def _ranked(assessments: Sequence[ScoredCandidate]) -> tuple[ScoredCandidate, ...]:
    compatible = (s for s in assessments if s.compatible)
    return tuple(sorted(compatible, key=lambda s: (-s.score, s.iri)))


def decide(assessments: Sequence[ScoredCandidate]) -> Match:
    """The match that the assessments of all candidates call for."""
    by_doi = [s for s in assessments if "doi" in s.confirmed]
    if len(by_doi) == 1:
        hit = by_doi[0]
        return Match(MatchKind.DOI, hit.iri, 100.0, hit.differences, (hit,), "same DOI")
    if len(by_doi) > 1:
        return Match(MatchKind.AMBIGUOUS, None, 100.0, (), tuple(by_doi), "works share the DOI")
    ranked = _ranked(assessments)
    if not ranked:
        return Match(MatchKind.NEW, None, 0.0, (), (), "no work with compatible authors and year")
    best = ranked[0]
    if not best.conclusive:
        reason = f"only a weak candidate: {_summary(best)}"
        return Match(MatchKind.AMBIGUOUS, None, best.score, (), ranked, reason)
    close = [s for s in ranked[1:] if best.score - s.score < AMBIGUITY_MARGIN]
    if close:
        reason = f"{len(close) + 1} candidates within {AMBIGUITY_MARGIN:.0f} points: " + "; ".join(
            _summary(s) for s in (best, *close)
        )
        return Match(MatchKind.AMBIGUOUS, None, best.score, (), ranked, reason)
    kind = MatchKind.VARIANT if best.differences else MatchKind.SAME
    return Match(kind, best.iri, best.score, best.differences, ranked, _summary(best))


def _assess_relevant(record: Record, pool: CandidatePool) -> list[ScoredCandidate]:
    """The assessments ``decide`` can use: of the candidates ``pool.relevant`` returns."""
    return [assess(record, known, c.iri) for c, known in pool.relevant(record)]


def _decided(key: str, record: Record, pool: CandidatePool, decisions: Decisions) -> Match:
    target = decisions.choice(key)
    ranked = _ranked(_assess_relevant(record, pool))
    if target is None:
        return Match(MatchKind.NEW, None, 0.0, (), ranked, "the curator decided: a new work", True)
    chosen = [
        assess(record, known, c.iri, complete=True)
        for c, known in zip(pool.candidates, pool.records, strict=True)
        if c.iri == target
    ]
    if not chosen:
        raise DecisionError(
            f"{decisions.source}: decision for {key!r} names {target}, not a candidate work"
        )
    hit = chosen[0]
    kind = (
        MatchKind.DOI
        if "doi" in hit.confirmed
        else MatchKind.VARIANT
        if hit.differences
        else MatchKind.SAME
    )
    return Match(kind, hit.iri, hit.score, hit.differences, (hit,), "the curator decided", True)


def match_record(record: Record, candidates: Candidates) -> Match:
    """The match ``decide`` makes of all the candidates' assessments, from those that can
    count (``CandidatePool.relevant``)."""
    return decide(_assess_relevant(record, as_pool(candidates)))


def match_entry(
    entry: BibEntry, candidates: Candidates, decisions: Decisions | None = None
) -> Match:
    """The work ``entry`` is among ``candidates`` (see the module's rules); a curator's
    decision for ``entry.key`` takes precedence. Raises DecisionError when a decision names a
    work that is not a candidate."""
    record = entry_record(entry)
    if decisions is not None and entry.key in decisions:
        return _decided(entry.key, record, as_pool(candidates), decisions)
    return match_record(record, candidates)


def match_cited_form(
    form: str | CitedForm, candidates: Candidates, decisions: Decisions | None = None
) -> Match:
    """The work an author-year citation ("Johanson & Vahlne 1977") names among
    ``candidates``; a curator's decision for the citation as printed takes precedence. A
    citation names authors and year only, so a different first author or a missing co-author
    rules a work out ("Dana and Wright, 2004" is not Dana's 2004 handbook). Raises
    CitedFormError for a text that is not one author-year citation."""
    cited = parse_cited_form(form) if isinstance(form, str) else form
    record = form_record(cited)
    if decisions is not None and cited.text in decisions:
        return _decided(cited.text, record, as_pool(candidates), decisions)
    return match_record(record, candidates)


def match_described(
    key: str,
    authors: str,
    year: int | None,
    year_suffix: str | None,
    title: str | None,
    doi: str | None,
    candidates: Candidates,
    decisions: Decisions | None = None,
) -> Match:
    """A work described the way the graph and the coding sheet describe works (the author
    list as printed), by its sheet key; a curator's decision for ``key`` takes precedence."""
    record = make_record(parse_author_list(authors), year, year_suffix, title, doi)
    if decisions is not None and key in decisions:
        return _decided(key, record, as_pool(candidates), decisions)
    return match_record(record, candidates)
