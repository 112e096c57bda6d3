"""What the matcher takes (candidate works from the graph) and gives (a match with its kind,
score, differences and the ranked candidates)."""

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Candidate:
    """A work already in the graph, as the graph records it: ``authors`` is smeo:authorList as
    printed ("Abdul Rashid, M.Z. & Tan, S.L.", "Acs et al."), ``doi`` is bibo:doi."""

    iri: str
    authors: str
    year: int | None
    year_suffix: str | None = None
    title: str | None = None
    doi: str | None = None


class MatchKind(StrEnum):
    DOI = "doi"  # the DOI is the candidate's
    SAME = "same"  # authors, year and title agree after normalization
    VARIANT = "variant"  # the same work with differences worth a quality note
    NEW = "new"  # no candidate is this work
    AMBIGUOUS = "ambiguous"  # the curator decides between the candidates listed


class DifferenceKind(StrEnum):
    AUTHOR_SPELLING = "author spelling"
    GIVEN_NAMES = "given names"
    AUTHORS = "authors"  # a different or missing (co-)author: never the same work
    YEAR = "year"
    YEAR_SUFFIX = "year suffix"
    TITLE = "title"
    DOI = "doi"  # two different DOIs: never the same work


@dataclass(frozen=True)
class Difference:
    """How the incoming entry and a candidate differ on one field, with both values as given."""

    kind: DifferenceKind
    entry_value: str
    candidate_value: str
    detail: str = ""

    def __str__(self) -> str:
        text = f"{self.kind}: {self.entry_value!r} vs {self.candidate_value!r}"
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True)
class ScoredCandidate:
    """One candidate as the matcher saw it. ``compatible`` is False when a difference rules the
    work out (another first author, a missing co-author, another DOI, suffix or title, a year
    more than one off without a title to confirm it). ``conclusive`` is True when what agrees
    is enough to merge without a curator: the authors, and the title or the exact year and
    suffix. ``confirmed`` lists the fields that agree, ``unconfirmed`` those one side lacks."""

    iri: str
    score: float
    compatible: bool
    conclusive: bool
    differences: tuple[Difference, ...]
    confirmed: tuple[str, ...]
    unconfirmed: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """The matcher's answer for one entry. ``work`` is the matched IRI (DOI, SAME, VARIANT, or
    a curator's decision); ``candidates`` are the compatible candidates, best first, with
    their scores (for AMBIGUOUS: the list the curator chooses from); ``reason`` says in one
    line why; ``decided`` marks an answer taken from the curator's decision file."""

    kind: MatchKind
    work: str | None
    score: float
    differences: tuple[Difference, ...]
    candidates: tuple[ScoredCandidate, ...]
    reason: str
    decided: bool = False
