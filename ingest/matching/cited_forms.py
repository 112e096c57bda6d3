"""Author-year citations as documents print them: "Johanson & Vahlne 1977",
"Burgel et al., (2001)", "Westhead et al. 2004a", "Mtigwe (2006: 20)", "Bell et al.'s (2004)"
(straight or curly apostrophe), "Oviatt and McDougall, 1994, 1997" (two works)."""

import re
from dataclasses import dataclass
from typing import Final

from ingest.matching.names import AuthorList, parse_author_list

_FORM: Final = re.compile(
    r"""^(?P<authors>.*?)[\s,]*\(?\s*
    (?P<years>\d{4}[a-z]?(?:\s*[,;]\s*\d{4}[a-z]?)*|n\.\s?d\.)
    \s*(?::\s*(?P<pages>[\divxlc][\divxlc\s\-\u2013,]*))?\s*\)?$""",
    re.VERBOSE,
)
_POSSESSIVE: Final = re.compile("['\u2019]s$")
_YEAR: Final = re.compile(r"(\d{4})([a-z]?)")


class CitedFormError(ValueError):
    """A citation that is not of the form "Authors Year"."""


@dataclass(frozen=True)
class CitedForm:
    """One work named by an author-year citation: surnames as printed, year, suffix, and the
    pages the citation points to, if any ("20" in "Mtigwe (2006: 20)")."""

    text: str
    authors: AuthorList
    year: int | None
    year_suffix: str | None = None
    pages: str | None = None


def parse_cited_forms(text: str) -> tuple[CitedForm, ...]:
    """Every work an author-year citation names, one per year: "Westhead et al., (2002, 2004a)"
    names Westhead et al. 2002 and Westhead et al. 2004a. Raises CitedFormError."""
    form = text.strip()
    if form.startswith("(") and form.endswith(")") and form.count("(") == 1:
        form = form[1:-1].strip()
    match = _FORM.match(form)
    if match is None:
        raise CitedFormError(
            f"{text!r} is not an author-year citation (expected e.g. 'Johanson & Vahlne 1977')"
        )
    author_text = _POSSESSIVE.sub("", match.group("authors").strip().rstrip(",").strip())
    authors = parse_author_list(author_text)
    if not authors.names:
        raise CitedFormError(f"{text!r} names no author")
    pages = (match.group("pages") or "").strip() or None
    years = [(int(y), s or None) for y, s in _YEAR.findall(match.group("years"))]
    if not years:  # "n.d."
        return (CitedForm(text, authors, None, None, pages),)
    return tuple(CitedForm(text, authors, year, suffix, pages) for year, suffix in years)


def parse_cited_form(text: str) -> CitedForm:
    """The one work an author-year citation names. Raises CitedFormError when it is not an
    author-year citation or names several works ("Oviatt and McDougall, 1994, 1997")."""
    forms = parse_cited_forms(text)
    if len(forms) > 1:
        years = ", ".join(f"{f.year}{f.year_suffix or ''}" for f in forms)
        raise CitedFormError(f"{text!r} names {len(forms)} works ({years}): cite one at a time")
    return forms[0]
