"""Which works are worth comparing with an entry: the few the caller fetches from the graph
instead of all of them (matching compares with every candidate it is given, ~30 µs each).

A work is admitted when it has the entry's DOI, a year within one of the entry's, the
entry's first author (by key, last word of the family name, or alias), or two of the
significant words of its title. What escapes the block is a work whose first author is
misspelt, whose year is missing or two or more years off, and whose title is missing on
either side: a match the curator would have had to decide; blocked, it comes back NEW."""

from dataclasses import dataclass
from typing import Final

from ingest.bibliography.model import BibEntry
from ingest.matching.cited_forms import CitedForm
from ingest.matching.compare import Record, candidate_record, entry_record, form_record
from ingest.matching.model import Candidate

TITLE_WORDS_SHARED: Final = 2


@dataclass(frozen=True)
class BlockingKeys:
    """What a candidate must share with the entry to be compared with it."""

    doi: str | None
    years: frozenset[int]
    first_authors: frozenset[str]  # folded family keys, last family words, corporate aliases
    title_words: frozenset[str]  # significant title words of four letters or more

    def admits(self, candidate: Candidate) -> bool:
        record = candidate_record(candidate)
        if self.doi is not None and record.doi == self.doi:
            return True
        if record.year is not None and record.year in self.years:
            return True
        if _first_author_keys(record) & self.first_authors:
            return True
        return len(_title_words(record) & self.title_words) >= TITLE_WORDS_SHARED


def _first_author_keys(record: Record) -> frozenset[str]:
    if not record.authors.names:
        return frozenset()
    first = record.authors.names[0]
    last_word = first.family_words[-1:] if not first.corporate else ()
    return frozenset({first.key, *last_word, *first.aliases}) - {""}


def _title_words(record: Record) -> frozenset[str]:
    return frozenset(w for w in record.title_key.split() if len(w) >= 4)


def blocking_keys(item: BibEntry | CitedForm) -> BlockingKeys:
    """The keys to fetch candidates by: ``doi``, ``years`` (the year and its neighbours; none
    when the entry has no year), ``first_authors`` and ``title_words``."""
    record = entry_record(item) if isinstance(item, BibEntry) else form_record(item)
    years = (
        frozenset({record.year - 1, record.year, record.year + 1})
        if record.year is not None
        else frozenset()
    )
    return BlockingKeys(record.doi, years, _first_author_keys(record), _title_words(record))
