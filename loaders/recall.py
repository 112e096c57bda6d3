"""Recall of findings: every (sentence, cited work) pair of a source document's running text,
and whether a finding about that work rests on that sentence or the pair is listed as
deliberately not encoded (docs/recall.md, with the reason).

The population is mechanical: a sentence of the body text (the review without its Table 1,
the panel paper without its reference list and table rows) in which the document prints a
form by which it cites a work (smeo:citedAs). Whether the work is the *source of a result or
claim* in that sentence is a reading; the pairs that are not encoded are listed with why.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from smekg.namespaces import KB, SMEO
from smekg.quotes import normalize

_BREAK_HYPHEN = re.compile(r"-[ \t]*\n\s*")
# A sentence may end at one of these marks (not a colon) before a capital, digit, bracket,
# bullet or quote; not inside brackets (a citation list "(Acs et al., 1997; Holtz-Eakin,
# 2000)") and not after an abbreviation ("Saleh et al. (2008)", "e.g. A").
_SENTENCE_END = re.compile(r"[.;!?]\s+(?=[A-Z0-9(\u2022\u2018\u201c])")
_ABBREVIATION = re.compile(r"(?:\bet al|\be\.g|\bi\.e|\bcf|\bvs)\.$")
_TABLE_ROW = re.compile(r"^[A-Z][^\t]*\t")
_BODY_ENDS = ("Table 1: Different Theoretical Perspectives", "\nREFERENCES")
# A row of the omission table in docs/recall.md:
# | kb:doc-… | kb:work-… | sentence begins … | reason | why |
_OMISSION_ROW = re.compile(
    r"^\|\s*kb:(?P<document>[a-z0-9-]+)\s*\|\s*kb:(?P<work>[a-z0-9-]+)\s*\|"
    r"\s*(?P<begins>[^|]+?)\s*\|\s*(?P<reason>[a-z-]+)\s*\|\s*(?P<why>[^|]+?)\s*\|\s*$"
)
BEGINS_CHARS = 60  # an omission names its sentence by the sentence's first characters


class Reason(Enum):
    """Why a (sentence, cited work) pair is deliberately not a finding."""

    THEORY = "theory"  # cited as the name or origin of a theory, model, view or term
    METHOD = "method"  # for a method, a measure, a framework or a research design
    DEFINITION = "definition"  # for what a term means or covers (a definition, a classification)
    FRAMING = "framing"  # the statement is the citing authors' own (advice, aim, assessment)
    EXAMPLE = "example"  # as an instance ("e.g.", "see") of a kind of work, not for what it says


@dataclass(frozen=True)
class Pair:
    document: str
    work: str
    encoded: bool
    sentence: str


@dataclass(frozen=True)
class Omission:
    document: str
    work: str
    begins: str
    reason: Reason
    why: str
    line: int  # of docs/recall.md

    def matches(self, pair: Pair) -> bool:
        return (
            pair.document == str(KB[self.document])
            and pair.work == str(KB[self.work])
            and pair.sentence.startswith(self.begins)
        )


def split_sentences(text: str) -> list[str]:
    """`text` (whitespace-normalized) cut into sentences."""
    found, start, depth, counted = [], 0, 0, 0
    for end in _SENTENCE_END.finditer(text):
        depth = max(0, depth + text.count("(", counted, end.start()))
        depth = max(0, depth - text.count(")", counted, end.start()))
        counted = end.start()
        if depth or _ABBREVIATION.search(text[start : end.start() + 1]):
            continue
        found.append(text[start : end.start() + 1].strip())
        start = end.end()
    found.append(text[start:].strip())
    return [s for s in found if s]


def sentences(raw: str) -> list[str]:
    """The running text's sentences (tables, item lists and the reference list left out)."""
    text = _BREAK_HYPHEN.sub("-", raw)
    for end in _BODY_ENDS:
        if end in text:
            text = text[: text.index(end)]
    lines = [line for line in text.split("\n") if "<ul" not in line and not _TABLE_ROW.match(line)]
    return split_sentences(normalize(" ".join(lines)))


def _finding_quotes(graph: Graph, document: URIRef) -> dict[str, list[str]]:
    quotes: dict[str, list[str]] = {}
    for finding in graph.subjects(RDF.type, SMEO.Finding):
        for excerpt in graph.objects(finding, SMEO.source):
            if graph.value(excerpt, SMEO.inDocument) == document:
                work = str(graph.value(finding, SMEO.aboutStudy))
                quotes.setdefault(work, []).append(normalize(str(graph.value(excerpt, SMEO.quote))))
    return quotes


def _covers(quote: str, sentence: str) -> bool:
    return quote in sentence or sentence in quote or (len(quote) > 40 and quote[:40] in sentence)


def pairs(graph: Graph, sources_dir: Path) -> list[Pair]:
    """Every (sentence, cited work) pair of every document with a text file."""
    found = []
    for document, name in sorted(graph.subject_objects(SMEO.textFile)):
        assert isinstance(document, URIRef)
        forms = [
            (str(work), normalize(str(form)))
            for citation in graph.subjects(SMEO.citingDocument, document)
            for work in graph.objects(citation, SMEO.citedWork)
            for form in graph.objects(citation, SMEO.citedAs)
        ]
        quotes = _finding_quotes(graph, document)
        raw = (sources_dir / str(name)).read_text(encoding="utf-8")
        for sentence in sentences(raw):
            for work in sorted({w for w, form in forms if form and form in sentence}):
                encoded = any(_covers(q, sentence) for q in quotes.get(work, []))
                found.append(Pair(str(document), work, encoded, sentence))
    return found


class OmissionError(ValueError):
    """A row of the omission table that cannot be read; names the file and line."""


def read_omissions(path: Path) -> list[Omission]:
    """The omission table of `path` (docs/recall.md): every row that names a document."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("| kb:doc-"):
            continue
        row = _OMISSION_ROW.match(line)
        if row is None:
            raise OmissionError(f"{path}:{number}: not a row of five cells")
        try:
            reason = Reason(row["reason"])
        except ValueError:
            known = ", ".join(r.value for r in Reason)
            raise OmissionError(
                f"{path}:{number}: unknown reason {row['reason']!r} (one of {known})"
            ) from None
        begins = row["begins"].removesuffix("…").rstrip()
        found.append(Omission(row["document"], row["work"], begins, reason, row["why"], number))
    return found


@dataclass(frozen=True)
class Coverage:
    """Every pair's status: encoded, deliberately omitted (why), or open; and omission rows
    that match no pair left to explain (stale)."""

    encoded: list[Pair]
    omitted: list[tuple[Pair, Omission]]
    open: list[Pair]
    stale: list[Omission]


def coverage(found: Iterable[Pair], omissions: list[Omission]) -> Coverage:
    encoded, omitted, still_open, used = [], [], [], set()
    for pair in found:
        if pair.encoded:
            encoded.append(pair)
            continue
        match = next((o for o in omissions if o.matches(pair)), None)
        if match is None:
            still_open.append(pair)
        else:
            omitted.append((pair, match))
            used.add(match.line)
    return Coverage(encoded, omitted, still_open, [o for o in omissions if o.line not in used])
