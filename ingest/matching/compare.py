"""Comparing one incoming record with one candidate: which fields agree, which differ, whether
a difference rules the candidate out, and a score (100 minus the penalties below).

The thresholds and penalties are documented, with the measurements behind them, in
docs/work-matching.md."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from ingest.bibliography.model import BibEntry
from ingest.matching.cited_forms import CitedForm
from ingest.matching.model import Candidate, Difference, DifferenceKind, ScoredCandidate
from ingest.matching.names import AuthorList, Name, from_parts, parse_author_list
from ingest.matching.text import title_key

# A family name within this Jaro-Winkler similarity of another is a spelling variant of it
# ("Covello" for "Coviello": 0.97). One edit below it ("Naodu" for "Naidu": 0.89) is a weak
# variant, which needs the title to confirm it. Both names need NAME_MIN_LENGTH letters, as one
# letter in "Ray"/"Roy" makes another name.
NAME_SIMILARITY: Final = 0.90
NAME_MIN_LENGTH: Final = 4
# Titles (folded, stop words dropped) at least TITLE_SAME similar (rapidfuzz ratio, or
# token_sort_ratio for reordered words) are the same title; below TITLE_DIFFERENT, different
# works. Between the two the titles neither confirm nor rule out the work: a curator decides.
TITLE_SAME: Final = 90.0
TITLE_DIFFERENT: Final = 75.0
# A title that is the other without its subtitle counts as this similar.
SUBTITLE_SIMILARITY: Final = 90.0

PENALTY_AUTHOR_SPELLING: Final = 8.0
PENALTY_GIVEN_NAMES: Final = 4.0
PENALTY_YEAR_OFF_BY_ONE: Final = 10.0
PENALTY_YEAR_FAR: Final = 20.0
PENALTY_YEAR_SUFFIX: Final = 10.0
PENALTY_UNCONFIRMED_YEAR: Final = 10.0
PENALTY_UNCONFIRMED_TITLE: Final = 8.0
PENALTY_UNCONFIRMED_AUTHORS: Final = 10.0

_SUBTITLE: Final = re.compile("[:?!.]\\s|\\s[-\u2013\u2014]\\s|\u2014")  # ": ", " - ", em dash


@dataclass(frozen=True)
class Record:
    """What the matcher compares, whatever it came from; ``make_record`` fills the keys."""

    authors: AuthorList
    year: int | None
    year_suffix: str | None
    title: str | None
    doi: str | None
    title_key: str = ""
    main_title_key: str = ""  # the title without its subtitle


def make_record(
    authors: AuthorList, year: int | None, suffix: str | None, title: str | None, doi: str | None
) -> Record:
    keys = (title_key(title), title_key(_SUBTITLE.split(title)[0])) if title else ("", "")
    return Record(authors, year, suffix or None, title or None, doi, *keys)


def entry_record(entry: BibEntry) -> Record:
    authors = from_parts(entry.authors, entry.et_al)
    return make_record(authors, entry.year, entry.year_suffix, entry.title, entry.doi)


def form_record(form: CitedForm) -> Record:
    return make_record(form.authors, form.year, form.year_suffix, None, None)


@lru_cache(maxsize=8192)
def candidate_record(candidate: Candidate) -> Record:
    doi = candidate.doi.lower() if candidate.doi else None
    authors = parse_author_list(candidate.authors)
    return make_record(authors, candidate.year, candidate.year_suffix, candidate.title, doi)


def _ends_with(full: tuple[str, ...], tail: tuple[str, ...]) -> bool:
    return len(full) > len(tail) > 0 and full[-len(tail) :] == tail and len("".join(tail)) >= 4


class NameComparison(NamedTuple):
    """``weak`` marks a difference that cannot stand alone, a spelling variant one edit off a
    short name ("Naodu" for "Naidu") or other initials ("Smith, J." for "Smith, K."): the
    candidate then needs its title to confirm it."""

    compatible: bool
    weak: bool = False
    penalty: float = 0.0
    differences: tuple[Difference, ...] = ()


def _spelling(a: Name, b: Name) -> tuple[float, int]:
    """(Jaro-Winkler similarity, Damerau-Levenshtein distance) of two family names, with and
    without their particles ("Vaq Dijken" is one letter from "Van Dijken", not from "Dijken")."""
    similarity = max(
        JaroWinkler.similarity(a.key, b.key), JaroWinkler.similarity(a.spelled, b.spelled)
    )
    distance = min(
        DamerauLevenshtein.distance(a.key, b.key, score_cutoff=2),
        DamerauLevenshtein.distance(a.spelled, b.spelled, score_cutoff=2),
    )
    return similarity, distance


def compare_names(a: Name, b: Name) -> NameComparison:
    """How two names at the same position compare."""
    same = bool(a.key) and (a.key == b.key or a.key in b.aliases or b.key in a.aliases)
    if same or a.aliases & b.aliases:
        given = _given_names(a, b)  # other initials may be another person: weak
        return NameComparison(True, bool(given), PENALTY_GIVEN_NAMES if given else 0.0, given)
    if min(len(a.key), len(b.key)) >= NAME_MIN_LENGTH and not (a.corporate or b.corporate):
        similarity, distance = _spelling(a, b)
        if similarity >= NAME_SIMILARITY or distance <= 1:
            detail = f"similarity {similarity:.2f}"
            spelling = Difference(DifferenceKind.AUTHOR_SPELLING, a.family, b.family, detail)
            weak = similarity < NAME_SIMILARITY
            differences = (spelling, *_given_names(a, b))
            return NameComparison(True, weak, PENALTY_AUTHOR_SPELLING, differences)
    if _ends_with((*a.given_words, *a.family_words), b.family_words) or _ends_with(
        (*b.given_words, *b.family_words), a.family_words
    ):
        # One side split "Zizah Che Senik" where the other has "Che Senik, Z.".
        return NameComparison(True)
    return NameComparison(False)


def _given_names(a: Name, b: Name) -> tuple[Difference, ...]:
    if (
        a.initials
        and b.initials
        and not (a.initials.startswith(b.initials) or b.initials.startswith(a.initials))
    ):
        return (Difference(DifferenceKind.GIVEN_NAMES, a.given, b.given, f"of {a.family}"),)
    return ()


def _count_conflict(a: AuthorList, b: AuthorList) -> str | None:
    if not a.et_al and not b.et_al and len(a.names) != len(b.names):
        return f"{len(a.names)} vs {len(b.names)} authors"
    for short, full in ((a, b), (b, a)):
        if short.et_al and not full.et_al and len(full.names) < max(2, len(short.names)):
            return f"'et al.' where the other lists {len(full.names)} author(s)"
    return None


@dataclass
class _Tally:
    """An assessment being built: what agrees, what differs, what rules the candidate out."""

    compatible: bool = True
    penalty: float = 0.0
    differences: list[Difference] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    weak_names: bool = False
    unclear: list[str] = field(default_factory=list)  # fields too far apart to confirm

    def rule_out(self, difference: Difference) -> None:
        self.compatible = False
        self.differences.append(difference)

    def differ(self, penalty: float, differences: list[Difference]) -> None:
        self.penalty += penalty
        self.differences.extend(differences)

    def unknown(self, field_name: str, penalty: float) -> None:
        self.penalty += penalty
        self.unconfirmed.append(field_name)


def _authors(tally: _Tally, a: AuthorList, b: AuthorList) -> None:
    if not a.names or not b.names:
        tally.unknown("authors", PENALTY_UNCONFIRMED_AUTHORS)
        return
    for position, (x, y) in enumerate(zip(a.names, b.names, strict=False), start=1):
        names = compare_names(x, y)
        if not names.compatible:
            detail = f"author {position}"
            tally.rule_out(Difference(DifferenceKind.AUTHORS, x.family, y.family, detail))
            return
        tally.differ(names.penalty, list(names.differences))
        tally.weak_names = tally.weak_names or names.weak
        if position == 1 and (conflict := _count_conflict(a, b)) is not None:
            tally.rule_out(Difference(DifferenceKind.AUTHORS, str(a), str(b), conflict))
            return
    tally.confirmed.append("authors")


def title_similarity(a: Record, b: Record) -> tuple[float, str]:
    """(similarity 0-100, detail) of two records' titles."""
    if a.title_key == b.title_key:
        return 100.0, ""
    shorter = min(len(a.title_key), len(b.title_key))
    if (a.main_title_key == b.title_key or b.main_title_key == a.title_key) and shorter >= 8:
        return SUBTITLE_SIMILARITY, "one title lacks the subtitle"
    ordered = fuzz.ratio(a.title_key, b.title_key)  # typos
    return max(ordered, fuzz.token_sort_ratio(a.title_key, b.title_key)), ""  # reordered words


def _title(tally: _Tally, a: Record, b: Record) -> bool:
    """Compares titles; True when they are confirmed the same (exactly or as a variant)."""
    if not a.title or not b.title:
        tally.unknown("title", PENALTY_UNCONFIRMED_TITLE)
        return False
    similarity, detail = title_similarity(a, b)
    detail = detail or f"similarity {similarity:.0f}"
    difference = Difference(DifferenceKind.TITLE, a.title, b.title, detail)
    if similarity < TITLE_DIFFERENT:
        tally.rule_out(difference)
        return False
    if similarity < 100.0:
        tally.differ((100.0 - similarity) / 2, [difference])
    if similarity < TITLE_SAME:
        tally.unclear.append("title")
        return False
    tally.confirmed.append("title")
    return True


def _year(tally: _Tally, a: Record, b: Record, title_confirmed: bool) -> bool:
    """Compares years and suffixes; True when both agree exactly."""
    if a.year is None or b.year is None:
        tally.unknown("year", PENALTY_UNCONFIRMED_YEAR)
        return False
    exact = True
    gap = abs(a.year - b.year)
    if gap:
        exact = False
        difference = Difference(DifferenceKind.YEAR, str(a.year), str(b.year), f"{gap} apart")
        if gap == 1:
            tally.differ(PENALTY_YEAR_OFF_BY_ONE, [difference])
        elif title_confirmed:  # a reprint, or a misprint like McDougall 1990/1994: ask
            tally.differ(PENALTY_YEAR_FAR, [difference])
            tally.unclear.append("year")
        else:
            tally.rule_out(difference)
    if a.year_suffix != b.year_suffix:
        exact = False
        difference = Difference(
            DifferenceKind.YEAR_SUFFIX, a.year_suffix or "", b.year_suffix or ""
        )
        if a.year_suffix and b.year_suffix:
            tally.rule_out(difference)  # 2004a and 2004b are two works
        else:
            tally.differ(PENALTY_YEAR_SUFFIX, [difference])
    if exact:
        tally.confirmed.append("year")
    return exact


def assess(entry: Record, candidate: Record, iri: str, complete: bool = False) -> ScoredCandidate:
    """How ``candidate`` compares with the incoming ``entry``. Once the authors rule it out
    the title and year are compared only when ``complete`` (a curator's choice is reported in
    full; ranking needs no more)."""
    tally = _Tally()
    if entry.doi and candidate.doi:
        if entry.doi == candidate.doi:
            tally.confirmed.append("doi")
        else:
            tally.rule_out(Difference(DifferenceKind.DOI, entry.doi, candidate.doi))
    _authors(tally, entry.authors, candidate.authors)
    title_confirmed = year_exact = False
    if complete or tally.compatible or "doi" in tally.confirmed:
        title_confirmed = _title(tally, entry, candidate)
        year_exact = _year(tally, entry, candidate, title_confirmed)
    conclusive = (
        tally.compatible
        and "authors" in tally.confirmed
        and not tally.unclear
        and (title_confirmed or (year_exact and not tally.weak_names))
    )
    return ScoredCandidate(
        iri=iri,
        score=max(0.0, 100.0 - tally.penalty),
        compatible=tally.compatible,
        conclusive=conclusive,
        differences=tuple(tally.differences),
        confirmed=tuple(tally.confirmed),
        unconfirmed=tuple(tally.unconfirmed),
    )
