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
from ingest.matching.names import AuthorList, Name, parse_author_list

# The scans admit a little more than the threshold, so that no float rounding of theirs keeps
# out a name compare_names (which decides) would accept.
_ROUNDING: Final = 1e-9


def _full_words(name: Name) -> tuple[str, ...]:
    return (*name.given_words, *name.family_words)


def _endings(words: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """The proper, non-empty endings of ``words`` (what ``_ends_with`` may find there)."""
    return (words[start:] for start in range(1, len(words)))


class FirstAuthors:
    """Distinct first authors, indexed to find those ``compare_names`` finds compatible with
    a name without comparing it with each of them."""

    def __init__(self, names: Iterable[Name]) -> None:
        self._names: tuple[Name, ...] = tuple(dict.fromkeys(names))
        self._by_token: dict[str, list[Name]] = defaultdict(list)
        self._by_family_words: dict[tuple[str, ...], list[Name]] = defaultdict(list)
        self._by_ending: dict[tuple[str, ...], list[Name]] = defaultdict(list)
        for name in self._names:
            for token in {name.key, *name.aliases}:
                self._by_token[token].append(name)
            self._by_family_words[name.family_words].append(name)
            for ending in _endings(_full_words(name)):
                self._by_ending[ending].append(name)
        self._spellable = [
            n for n in self._names if len(n.key) >= NAME_MIN_LENGTH and not n.corporate
        ]
        self._keys = [n.key for n in self._spellable]
        self._spelled = [n.spelled for n in self._spellable]

    def compatible(self, first: Name) -> list[Name]:
        """The names compatible with ``first`` (as ``compare_names`` decides)."""
        return [n for n in self._to_compare(first) if compare_names(first, n).compatible]

    def _to_compare(self, first: Name) -> set[Name]:
        """Every name ``compare_names`` could find compatible with ``first`` (and a few more)."""
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
        self._first_authors = FirstAuthors(self._by_first)

    def __len__(self) -> int:
        return len(self.candidates)

    def relevant(self, record: Record) -> list[tuple[Candidate, Record]]:
        """The candidates whose assessment against ``record`` can count, in the pool's order."""
        if not record.authors.names:
            return list(zip(self.candidates, self.records, strict=True))
        positions = set(self._anonymous)
        if record.doi:
            positions.update(self._by_doi.get(record.doi, ()))
        for name in self._first_authors.compatible(record.authors.names[0]):
            positions.update(self._by_first[name])
        return [(self.candidates[p], self.records[p]) for p in sorted(positions)]


def relevant_author_lists(entries: Iterable[AuthorList], printed: Iterable[str]) -> set[str]:
    """Which of the candidates' author lists (``printed``, as the graph records them) can make
    a candidate count for any of ``entries``: those naming no author, and those whose first
    author is compatible with an entry's; all of them when an entry names no author."""
    lists = set(printed)
    by_first: dict[Name, set[str]] = defaultdict(set)
    kept: set[str] = set()
    for text in lists:
        names = parse_author_list(text).names
        if names:
            by_first[names[0]].add(text)
        else:
            kept.add(text)
    index = FirstAuthors(by_first)
    for authors in entries:
        if not authors.names:
            return lists
        for name in index.compatible(authors.names[0]):
            kept |= by_first[name]
    return kept


def as_pool(candidates: "Sequence[Candidate] | CandidatePool") -> CandidatePool:
    return candidates if isinstance(candidates, CandidatePool) else CandidatePool(candidates)
