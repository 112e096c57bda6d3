"""One node per work: matching incoming bibliography entries and author-year citations
against the works in the graph (pure functions; the caller fetches the candidates)."""

from ingest.matching.blocking import BlockingKeys, blocking_keys
from ingest.matching.cited_forms import (
    CitedForm,
    CitedFormError,
    parse_cited_form,
    parse_cited_forms,
)
from ingest.matching.decisions import DecisionError, Decisions
from ingest.matching.matcher import (
    AMBIGUITY_MARGIN,
    match_cited_form,
    match_described,
    match_entry,
)
from ingest.matching.model import (
    Candidate,
    Difference,
    DifferenceKind,
    Match,
    MatchKind,
    ScoredCandidate,
)
from ingest.matching.names import AuthorList, Name, parse_author_list
from ingest.matching.pool import CandidatePool, relevant_author_lists

__all__ = [
    "AMBIGUITY_MARGIN",
    "AuthorList",
    "BlockingKeys",
    "Candidate",
    "CandidatePool",
    "CitedForm",
    "CitedFormError",
    "DecisionError",
    "Decisions",
    "Difference",
    "DifferenceKind",
    "Match",
    "MatchKind",
    "Name",
    "ScoredCandidate",
    "blocking_keys",
    "match_cited_form",
    "match_described",
    "match_entry",
    "parse_author_list",
    "parse_cited_form",
    "parse_cited_forms",
    "relevant_author_lists",
]
