"""Author names as the matcher compares them, from a bibliography's (family, given) pairs or
from an author list as printed ("Abdul Rashid, M.Z. & Tan, S.L.", "Acs et al.",
"Department of Trade and Industry (DTI)", "Zizah Che Senik, Rosmah Mat Isa")."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from ingest.matching.text import fold, words

# Leading particles left out of a family name's key, so "Van Dijken", "van Dijken" and
# "Dijken" (a bibliography that puts "van" with the given names) compare equal.
PARTICLES: Final = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "les"}
    | {"des", "dos", "das", "do", "ten", "ter", "te", "zu", "vander"}
)
_ET_AL: Final = re.compile(r"(?:,?\s+|^)(?:et\.?\s*al\.?|and\s+others)\s*$", re.IGNORECASE)
_INITIALS: Final = re.compile(r"(?:[A-Z]\.?[\s-]*)|(?:[A-Z]\.[\s-]*)+")
_ACRONYM: Final = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_PARENTHESIS: Final = re.compile(r"\(([^)]*)\)")
_SEPARATOR: Final = re.compile(r"\s*(?:&|\band\b|;)\s*")
_FUNCTION_WORDS: Final = frozenset({"of", "for", "the", "on", "in", "and"})
_COMPANY: Final = frozenset({"co", "co.", "company", "inc", "inc.", "ltd", "ltd.", "plc"})


@dataclass(frozen=True)
class Name:
    """One author. ``key`` is the folded family name without leading particles ("dijken"),
    ``aliases`` the other keys a corporate author goes by ("dti" for the Department of Trade
    and Industry), ``initials`` the folded initials of the given names ("je")."""

    family: str
    given: str
    key: str
    family_words: tuple[str, ...]
    spelled: str  # the folded family name with its particles: "vandijken"
    given_words: tuple[str, ...]
    initials: str
    corporate: bool = False
    aliases: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class AuthorList:
    """The named authors in order, and whether the list was cut short ("et al.")."""

    names: tuple[Name, ...]
    et_al: bool = False

    def __str__(self) -> str:
        shown = "; ".join(str(n) for n in self.names)
        return f"{shown} et al." if self.et_al else shown


def _key(family_words: Sequence[str]) -> str:
    kept = list(family_words)
    while len(kept) > 1 and kept[0] in PARTICLES:
        kept.pop(0)
    return "".join(kept)


def is_initials(token: str) -> bool:
    """Given names written as initials: "M.Z.", "J. E.", "K"."""
    return _INITIALS.fullmatch(token.strip()) is not None


def _acronym(text: str) -> str:
    significant = [
        w for w in text.split() if w.lower() not in _FUNCTION_WORDS | _COMPANY and w[:1].isalpha()
    ]
    return fold("".join(w[0] for w in significant)) if len(significant) >= 2 else ""


def looks_corporate(text: str) -> bool:
    """An organization rather than people: a parenthesized acronym, a function word
    ("Ministry of …"), a company suffix ("McKinsey & Co.") or an acronym ("OECD")."""
    tokens = text.replace(",", " ").split()
    return (
        "(" in text
        or any(t in _FUNCTION_WORDS - {"and"} for t in tokens)
        or (len(tokens) > 1 and tokens[-1].lower() in _COMPANY)
        or _ACRONYM.fullmatch(text.strip()) is not None
    )


def corporate(text: str) -> Name:
    """A corporate author; its acronyms (in parentheses or derived from its capitals) are
    aliases: "Department of Trade and Industry (DTI)" is also "dti"."""
    inside = [m.group(1) for m in _PARENTHESIS.finditer(text)]
    bare = _PARENTHESIS.sub(" ", text).strip()
    aliases = {"".join(words(a)) for a in inside}
    aliases.add(_acronym(bare))
    family_words = tuple(words(bare))
    key = "".join(family_words)
    return Name(
        family=text.strip(),
        given="",
        key=key,
        family_words=family_words,
        spelled=key,
        given_words=(),
        initials="",
        corporate=True,
        aliases=frozenset(a for a in aliases if a and a != key),
    )


def person(family: str, given: str = "") -> Name:
    """A person's name from its parts; a given-less name that looks corporate is one."""
    if not given and looks_corporate(family):
        return corporate(family)
    family_words = tuple(words(family))
    given_words = tuple(words(given))
    return Name(
        family=family.strip(),
        given=given.strip(),
        key=_key(family_words),
        family_words=family_words,
        spelled="".join(family_words),
        given_words=given_words,
        initials="".join(w[0] for w in given_words),
    )


def from_parts(parts: Sequence[tuple[str, str]], et_al: bool = False) -> AuthorList:
    """An author list from a bibliography entry's (family, given) pairs."""
    return AuthorList(tuple(person(family, given) for family, given in parts), et_al)


def _chunk_names(tokens: list[str], pairs: bool) -> list[Name]:
    if not pairs:
        return [person(t) for t in tokens]
    names: list[Name] = []
    i = 0
    while i < len(tokens):
        family = tokens[i]
        given = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if given is not None and (is_initials(given) or after is None or not is_initials(after)):
            names.append(person(family, given))
            i += 2
        else:
            names.append(person(family))
            i += 1
    return names


def _corporate_with_acronym(text: str) -> Name | None:
    """A name and the acronym it goes by: "Ministry of International Trade and Industry, MITI",
    "IMP3, MITI"."""
    head, comma, tail = (part.strip() for part in text.rpartition(","))
    if not comma or "," in head or _ACRONYM.fullmatch(tail) is None:
        return None
    if looks_corporate(head) or _acronym(head) == fold(tail):
        return corporate(f"{head} ({tail})")
    return None


@lru_cache(maxsize=4096)
def parse_author_list(text: str) -> AuthorList:
    """An author list as printed in a reference list or an author-year citation.

    Names are separated by "&", "and", ";" and commas; a comma followed by initials starts
    the given names ("Tan, S.L."). Without initials anywhere every comma-separated part is a
    whole name ("Naidu, Cavusgil, Murthy & Sharkar"). "et al." at the end cuts the list short.
    """
    et_al_match = _ET_AL.search(text)
    body = text[: et_al_match.start()] if et_al_match else text
    body = body.strip().rstrip(",").strip()
    et_al = et_al_match is not None
    if not body:
        return AuthorList((), et_al)
    acronym_form = _corporate_with_acronym(body)
    if acronym_form is not None:
        return AuthorList((acronym_form,), et_al)
    if "(" in body or any(w in {"of", "for", "the"} for w in body.split()):
        return AuthorList((corporate(body),), et_al)
    chunks = [c.strip().strip(",").strip() for c in _SEPARATOR.split(body)]
    merged: list[str] = []
    for chunk in chunks:
        if chunk.lower() in _COMPANY and merged:
            merged[-1] = f"{merged[-1]} & {chunk}"
        elif chunk:
            merged.append(chunk)
    token_lists = [[t.strip() for t in c.split(",") if t.strip()] for c in merged]
    pairs = any(is_initials(t) for tokens in token_lists for t in tokens[1:])
    names = [n for tokens in token_lists for n in _chunk_names(tokens, pairs)]
    return AuthorList(tuple(names), et_al)
