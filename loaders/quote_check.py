"""Every quote must occur in its source document's text (whitespace and hyphenation aside),
and the words stored around it must be the text's."""

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from smekg.namespaces import SMEO
from smekg.quotes import SourceText


@dataclass(frozen=True)
class QuoteProblem:
    excerpt: str
    document: str
    problem: str

    def __str__(self) -> str:
        return f"<{self.excerpt}> in <{self.document}>: {self.problem}"


@dataclass(frozen=True)
class QuoteReport:
    problems: list[QuoteProblem]
    checked: int  # excerpts whose document's text was there
    unchecked: list[str]  # one line per document whose text is missing

    def __bool__(self) -> bool:
        return not self.problems


def _texts(graph: Graph, sources_dir: Path) -> tuple[dict[URIRef, SourceText], dict[URIRef, str]]:
    texts: dict[URIRef, SourceText] = {}
    missing: dict[URIRef, str] = {}
    for document, name in graph.subject_objects(SMEO.textFile):
        path = sources_dir / str(name)
        if not isinstance(document, URIRef):
            continue
        if path.is_file():
            texts[document] = SourceText.of(path.read_text(encoding="utf-8"))
        else:
            missing[document] = str(path)
    return texts, missing


def _problem(graph: Graph, excerpt: URIRef, quote: str, text: SourceText) -> str | None:
    if not text.contains(quote):
        return f"quote not found: {quote!r}"
    prefix = graph.value(excerpt, SMEO.quotePrefix)
    if prefix is None:
        return None
    suffix = graph.value(excerpt, SMEO.quoteSuffix)
    if not any((c.prefix, c.suffix) == (str(prefix), str(suffix)) for c in text.contexts(quote)):
        return "the stored words around the quote are not the text's (regenerate: smekg context)"
    return None


def quote_problems(graph: Graph, sources_dir: Path) -> QuoteReport:
    """Excerpts whose quote (or context) is not in their document's text; documents whose text
    is not in `sources_dir` are listed once each, not checked."""
    texts, missing = _texts(graph, sources_dir)
    problems = []
    checked = 0
    unchecked: dict[URIRef, int] = {}
    for excerpt, quote in graph.subject_objects(SMEO.quote):
        document = graph.value(excerpt, SMEO.inDocument)
        if not isinstance(excerpt, URIRef) or not isinstance(document, URIRef):
            continue
        text = texts.get(document)
        if text is None:
            if document in missing:
                unchecked[document] = unchecked.get(document, 0) + 1
            else:
                problems.append(
                    QuoteProblem(str(excerpt), str(document), "document has no smeo:textFile")
                )
            continue
        checked += 1
        problem = _problem(graph, excerpt, str(quote), text)
        if problem is not None:
            problems.append(QuoteProblem(str(excerpt), str(document), problem))
    lines = [
        f"{count} quote(s) of <{document}> not checked: its text {missing[document]} is not there"
        for document, count in sorted(unchecked.items())
    ]
    return QuoteReport(sorted(problems, key=str), checked, lines)


QUOTE_PREDICATES = (SMEO.textFile, SMEO.quote, SMEO.inDocument, SMEO.quotePrefix, SMEO.quoteSuffix)


def quote_graph(store: ox.Store) -> Graph:
    """What `quote_problems` reads, taken from an Oxigraph store into a small rdflib graph."""
    graph = Graph()
    for predicate in QUOTE_PREDICATES:
        for s, _, o, _ in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None):
            value = URIRef(o.value) if isinstance(o, ox.NamedNode) else Literal(o.value)
            graph.add((URIRef(s.value), predicate, value))
    return graph
