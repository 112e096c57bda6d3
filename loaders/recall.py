"""Recall of findings: every (sentence, cited work) pair of a source document's running text,
and whether a finding about that work rests on that sentence.

The population is mechanical: a sentence of the body text (the review without its Table 1,
the panel paper without its reference list and table rows) in which the document prints a
form by which it cites a work (smeo:citedAs). Whether the work is the *source of a result or
claim* in that sentence is a reading; pairs that are not encoded are listed for it.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from smekg.namespaces import SMEO
from smekg.quotes import normalize

_BREAK_HYPHEN = re.compile(r"-[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z0-9(\u2022\u2018\u201c])")
_TABLE_ROW = re.compile(r"^[A-Z][^\t]*\t")
_BODY_ENDS = ("Table 1: Different Theoretical Perspectives", "\nREFERENCES")


@dataclass(frozen=True)
class Pair:
    document: str
    work: str
    encoded: bool
    sentence: str


def sentences(raw: str) -> list[str]:
    """The running text's sentences (tables, item lists and the reference list left out)."""
    text = _BREAK_HYPHEN.sub("-", raw)
    for end in _BODY_ENDS:
        if end in text:
            text = text[: text.index(end)]
    lines = [line for line in text.split("\n") if "<ul" not in line and not _TABLE_ROW.match(line)]
    return [s.strip() for s in _SENTENCE_END.split(normalize(" ".join(lines))) if s.strip()]


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
