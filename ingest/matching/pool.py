"""The candidate works of one import, indexed so that matching an entry compares it only with
the candidates whose assessment can count.

``decide`` looks at two kinds of assessment: those that confirm the DOI, and the compatible
ones. A candidate is compatible only if its first author is compatible with the entry's
(``compare_names``), or if either side names no author. Every other candidate is assessed as
incompatible without its DOI confirmed, and leaving it out changes no match. So ``relevant``
returns the candidates with the entry's DOI, those without authors (all of them when the entry
has none), and those whose first author ``compare_names`` finds compatible — each distinct first
author compared once. The names worth comparing are found by index rather than by a scan in
Python: by key and alias, by the word endings the split-name rule accepts, and by rapidfuzz's
scans in C over the distinct family names for the spelling variants (the same Jaro-Winkler and
Damerau-Levenshtein measures and thresholds as ``compare_names``). The matching costs then grow
with the distinct first authors of the candidates, not with the candidates.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from ingest.matching.compare import (
    NAME_MIN_LENGTH,
    NAME_SIMILARITY,
    Record,
    candidate_record,
    compare_names,
)
from ingest.matching.model import Candidate
from ingest.matching.names import Name

# The scans admit a little more than the threshold, so that no float rounding of theirs keeps
# out a name compare_names (which decides) would accept.
_ROUNDING: Final = 1e-9


def _full_words(name: Name) -> tuple[str, ...]:
    return (*name.given_words, *name.family_words)


def _endings(words: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """The proper, non-empty endings of ``words`` (what ``_ends_with`` may find there)."""
    return (words[start:] for start in range(1, len(words)))


class CandidatePool:
    """Candidates, with their records and an index of their distinct first authors."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates: tuple[Candidate, ...] = tuple(candidates)
        self.records: tuple[Record, ...] = tuple(candidate_record(c) for c in self.candidates)
        self._by_doi: dict[str, list[int]] = defaultdict(list)
        self._anonymous: list[int] = []
        self._by_first: dict[Name, list[int]] = defaultdict(list)
        for position, record in enumerate(self.records):
            if record.doi:
                self._by_doi[record.doi].append(position)
            if record.authors.names:
                self._by_first[record.authors.names[0]].append(position)
            else:
                self._anonymous.append(position)
        self._names: tuple[Name, ...] = tuple(self._by_first)
        self._by_token: dict[str, list[Name]] = defaultdict(list)
        self._by_family_words: dict[tuple[str, ...], list[Name]] = defaultdict(list)
        self._by_ending: dict[tuple[str, ...], list[Name]] = defaultdict(list)
        for name in self._names:
            for token in {name.key, *name.aliases}:
                self._by_token[token].append(name)
            self._by_family_words[name.family_words].append(name)
            for ending in _endings(_full_words(name)):
                self._by_ending[ending].append(name)
        spellable = [n for n in self._names if len(n.key) >= NAME_MIN_LENGTH and not n.corporate]
        self._spellable = spellable
        self._keys = [n.key for n in spellable]
        self._spelled = [n.spelled for n in spellable]

    def __len__(self) -> int:
        return len(self.candidates)

    def relevant(self, record: Record) -> list[tuple[Candidate, Record]]:
        """The candidates whose assessment against ``record`` can count, in the pool's order."""
        if not record.authors.names:
            return list(zip(self.candidates, self.records, strict=True))
        first = record.authors.names[0]
        positions = set(self._anonymous)
        if record.doi:
            positions.update(self._by_doi.get(record.doi, ()))
        for name in self._names_to_compare(first):
            if compare_names(first, name).compatible:
                positions.update(self._by_first[name])
        return [(self.candidates[p], self.records[p]) for p in sorted(positions)]

    def _names_to_compare(self, first: Name) -> set[Name]:
        """Every distinct first author ``compare_names`` could find compatible with ``first``
        (and possibly a few more)."""
        found: set[Name] = set()
        for token in {first.key, *first.aliases}:
            found.update(self._by_token.get(token, ()))
        for ending in _endings(_full_words(first)):
            found.update(self._by_family_words.get(ending, ()))
        found.update(self._by_ending.get(first.family_words, ()))
        if len(first.key) >= NAME_MIN_LENGTH and not first.corporate:
            found.update(self._spelling_variants(first))
        return found

    def _spelling_variants(self, first: Name) -> Iterable[Name]:
        for query, choices in ((first.key, self._keys), (first.spelled, self._spelled)):
            similar = process.extract(
                query,
                choices,
                scorer=JaroWinkler.similarity,
                score_cutoff=NAME_SIMILARITY - _ROUNDING,
                limit=None,
            )
            close = process.extract(
                query, choices, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None
            )
            for _, _, position in (*similar, *close):
                yield self._spellable[position]


def as_pool(candidates: "Sequence[Candidate] | CandidatePool") -> CandidatePool:
    return candidates if isinstance(candidates, CandidatePool) else CandidatePool(candidates)
