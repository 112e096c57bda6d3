"""Seeded, realistic perturbations of the knowledge base's works, as another document's
bibliography might describe them: misspelt surnames and titles, given names as initials (or
dropped), a year one off, no title, DOI present or absent, an abbreviated or reordered venue,
an author list cut to "et al.", and two of these together.

A perturbation that leaves an entry indistinguishable from another work's record (same
surnames, year and suffix, no title to tell them apart) is not a test of the matcher but a
different work: it is drawn again, and counted when no draw avoids it."""

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from ingest.bibliography.model import BibEntry
from ingest.matching.compare import Record, candidate_record, entry_record
from ingest.matching.evaluation.kb_works import KbWork
from ingest.matching.model import Candidate
from ingest.matching.names import from_parts

Perturbation = Callable[[BibEntry, random.Random], BibEntry | None]

TYPO_MIN_LENGTH: Final = 5  # surnames shorter than this are not misspelt (see the module doc)
ATTEMPTS: Final = 5
_VENUE_WORDS: Final = {
    "journal": "J.", "international": "Int.", "business": "Bus.", "studies": "Stud.",
    "management": "Manag.", "research": "Res.", "review": "Rev.", "small": "Small",
    "entrepreneurship": "Entrep.", "economics": "Econ.", "marketing": "Mark.",
    "world": "World", "policy": "Policy", "strategic": "Strateg.", "european": "Eur.",
}  # fmt: skip


@dataclass(frozen=True)
class Perturbed:
    """An entry describing a work after ``kind``, and the work as the graph records it for
    this test (``in_graph`` differs from the knowledge base only for "doi only in entry")."""

    kind: str
    entry: BibEntry
    in_graph: Candidate

    @property
    def iri(self) -> str:
        return self.in_graph.iri


def _typo(word: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    i = rng.choice(letters[1:] or letters)
    operation = rng.choice(["delete", "substitute", "transpose", "double"])
    if operation == "delete":
        return word[:i] + word[i + 1 :]
    if operation == "substitute":
        other = rng.choice([c for c in string.ascii_lowercase if c != word[i].lower()])
        return word[:i] + other + word[i + 1 :]
    if operation == "transpose" and i + 1 < len(word) and word[i + 1].isalpha():
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def surname_typo(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    names = from_parts(entry.authors).names
    eligible = [i for i, n in enumerate(names) if not n.corporate and len(n.key) >= TYPO_MIN_LENGTH]
    if not eligible:
        return None
    i = rng.choice(eligible)
    family, given = entry.authors[i]
    authors = list(entry.authors)
    authors[i] = (_typo(family, rng), given)
    return replace(entry, authors=tuple(authors))


def title_typo(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    if not entry.title:
        return None
    title_words = entry.title.split(" ")
    for _ in range(rng.choice([1, 2])):
        long_words = [i for i, w in enumerate(title_words) if sum(c.isalpha() for c in w) >= 4]
        if not long_words:
            return None
        i = rng.choice(long_words)
        title_words[i] = _typo(title_words[i], rng)
    return replace(entry, title=" ".join(title_words))


def _given(given: str, rng: random.Random) -> str:
    initials = [w[0] for w in given.replace(".", " ").replace("-", " ").split() if w]
    if not initials:
        return given
    return rng.choice(
        [
            "".join(initials),  # "JE"
            " ".join(f"{c}." for c in initials),  # "J. E."
            f"{initials[0]}.",  # "J."
            "",  # given names left out
        ]
    )


def given_names(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    if not any(given for _, given in entry.authors):
        return None
    authors = tuple((f, _given(g, rng) if g else g) for f, g in entry.authors)
    return replace(entry, authors=authors)


def year_shift(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    if entry.year is None:
        return None
    return replace(entry, year=entry.year + rng.choice([-1, 1]))


def no_title(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    return replace(entry, title=None) if entry.title else None


def venue(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    if not entry.venue:
        return None
    words = entry.venue.split()
    if rng.random() < 0.5 and words[0].lower() in {"the", "journal"} and len(words) > 2:
        reordered = " ".join(words[2:] if words[1].lower() == "of" else words[1:])
        return replace(entry, venue=f"{reordered}, {' '.join(words[:2])}")
    abbreviated = [_VENUE_WORDS.get(w.lower(), w) for w in words if w.lower() not in {"of", "and"}]
    return replace(entry, venue=" ".join(abbreviated))


def et_al(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    if len(entry.authors) < 2 or entry.et_al:
        return None
    return replace(entry, authors=entry.authors[:1], et_al=True)


def doi_absent(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    return replace(entry, doi=None) if entry.doi else None


SINGLE: Final[dict[str, Perturbation]] = {
    "surname typo": surname_typo,
    "title typo": title_typo,
    "given names": given_names,
    "year ±1": year_shift,
    "no title": no_title,
    "venue": venue,
    "et al.": et_al,
    "doi absent": doi_absent,
}
KINDS: Final = ("clean", *SINGLE, "doi only in entry", "two at once")


def combined(entry: BibEntry, rng: random.Random) -> BibEntry | None:
    probe = random.Random(0)  # noqa: S311 - only asks which perturbations apply
    kinds = [k for k, f in SINGLE.items() if k != "doi absent" and f(entry, probe)]
    if len(kinds) < 2:
        return None
    result: BibEntry | None = entry
    for kind in rng.sample(kinds, 2):
        result = SINGLE[kind](result, rng) if result is not None else None
    return result


def indistinguishable(entry: Record, other: Record) -> bool:
    """True when ``entry`` carries nothing that tells it from ``other``: the same surnames (one
    list a prefix of the other cut short by "et al."), year and suffix, and no differing
    title."""
    if (entry.year, entry.year_suffix) != (other.year, other.year_suffix):
        return False
    lists = sorted(
        [
            ([n.key for n in entry.authors.names], entry.authors.et_al),
            ([n.key for n in other.authors.names], other.authors.et_al),
        ],
        key=lambda pair: len(pair[0]),
    )
    (short, short_et_al), (long, long_et_al) = lists
    if long[: len(short)] != short:
        return False
    if len(short) < len(long) and not short_et_al:
        return False
    if len(short) == len(long) and short_et_al != long_et_al:
        return False
    return not (entry.title_key and other.title_key and entry.title_key != other.title_key)


def _without_typos(entry: BibEntry, original: BibEntry) -> BibEntry:
    """``entry`` with its misspellings undone: a typo tells nothing about which work is meant,
    so a year shift that lands on another work's record collides whatever the spelling."""
    families = [family for family, _ in original.authors]
    authors = tuple(
        (families[i] if i < len(families) else family, given)
        for i, (family, given) in enumerate(entry.authors)
    )
    return replace(entry, authors=authors, title=original.title if entry.title else None)


def _draw(
    work: KbWork, kind: str, rng: random.Random, others: Sequence[Record]
) -> tuple[BibEntry | None, bool]:
    """(perturbed entry or None when not applicable, whether a collision could not be avoided)"""
    perturb = combined if kind == "two at once" else SINGLE[kind]
    for _ in range(ATTEMPTS):
        entry = perturb(work.entry, rng)
        if entry is None:
            return None, False
        probe = entry_record(_without_typos(entry, work.entry))
        if not any(indistinguishable(probe, other) for other in others):
            return entry, False
    return None, True


def perturbations(
    works: Sequence[KbWork], seed: int
) -> tuple[list[Perturbed], dict[str, list[str]]]:
    """Every applicable perturbation of every work, and per kind the works for which every
    draw collided with another work's record (so no entry was made)."""
    rng = random.Random(seed)  # noqa: S311 - seeded so the measurement is reproducible
    made: list[Perturbed] = []
    collided: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for work in works:
        others = [candidate_record(w.candidate) for w in works if w.iri != work.iri]
        key = work.entry.key
        made.append(Perturbed("clean", replace(work.entry, key=f"{key}--clean"), work.candidate))
        for kind in [*SINGLE, "two at once"]:
            entry, collision = _draw(work, kind, rng, others)
            if collision:
                collided[kind].append(work.iri)
            if entry is not None:
                slug = kind.replace(" ", "-").replace("±", "pm").replace(".", "")
                entry = replace(entry, key=f"{key}--{slug}")
                made.append(Perturbed(kind, entry, work.candidate))
        if work.entry.doi:
            entry = replace(work.entry, key=f"{key}--doi-only-in-entry")
            made.append(Perturbed("doi only in entry", entry, replace(work.candidate, doi=None)))
    return made, collided
