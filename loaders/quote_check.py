"""Every quote must occur in its source document's text (whitespace and hyphenation aside)."""

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from smekg.namespaces import SMEO
from smekg.quotes import SourceText


@dataclass(frozen=True)
class QuoteProblem:
    excerpt: str
    document: str
    problem: str

    def __str__(self) -> str:
        return f"<{self.excerpt}> in <{self.document}>: {self.problem}"


def _texts(graph: Graph, sources_dir: Path) -> dict[URIRef, SourceText | str]:
    texts: dict[URIRef, SourceText | str] = {}
    for document, name in graph.subject_objects(SMEO.textFile):
        path = sources_dir / str(name)
        assert isinstance(document, URIRef)
        if path.is_file():
            texts[document] = SourceText.of(path.read_text(encoding="utf-8"))
        else:
            texts[document] = f"text file {path} not found"
    return texts


def quote_problems(graph: Graph, sources_dir: Path) -> list[QuoteProblem]:
    """Excerpts whose quote is not found in their document's text."""
    texts = _texts(graph, sources_dir)
    problems = []
    for excerpt, quote in graph.subject_objects(SMEO.quote):
        document = graph.value(excerpt, SMEO.inDocument)
        text = texts.get(document) if isinstance(document, URIRef) else None
        if text is None:
            problems.append(
                QuoteProblem(str(excerpt), str(document), "document has no smeo:textFile")
            )
        elif isinstance(text, str):
            problems.append(QuoteProblem(str(excerpt), str(document), text))
        elif not text.contains(str(quote)):
            problems.append(
                QuoteProblem(str(excerpt), str(document), f"quote not found: {quote!r}")
            )
    return sorted(problems, key=str)
