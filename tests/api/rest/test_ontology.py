"""The ontology at its namespace path over HTTP: the documentation for browsers (every term of
`smeo:` on it, nothing loaded from elsewhere, nothing inline the page's policy would refuse)
and the ontology itself as Turtle, JSON-LD and RDF/XML by content negotiation."""

import logging
import subprocess
import sys
from html import escape
from html.parser import HTMLParser

import httpx
import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from smekg.namespaces import SMEO
from tests.conftest import ONTOLOGY, ROOT
from tests.rdf_compare import assert_isomorphic

PROTEGE = "application/rdf+xml, application/xml; q=0.7, text/xml; q=0.6, */*; q=0.09"
RDFXML = "application/rdf+xml"
FORMATS = [  # Accept, the media type answered, its rdflib format, its extension
    ("text/turtle", "text/turtle", "turtle", "ttl"),
    ("application/ld+json", "application/ld+json", "json-ld", "jsonld"),
    ("application/json", "application/ld+json", "json-ld", "jsonld"),
    (RDFXML, RDFXML, "xml", "rdf"),
    (PROTEGE, RDFXML, "xml", "rdf"),
]


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "sme.ttl", format="turtle")


class _Page(HTMLParser):
    """What a browser would load or run from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.loaded: list[str] = []  # src of anything
        self.inline: list[str] = []  # <style>, style=, on…= handlers, executable <script>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a.get("href") or "")
        if a.get("src"):
            self.loaded.append(a["src"] or "")
        if tag == "style" or "style" in a or any(k.startswith("on") for k in a):
            self.inline.append(tag)
        if tag == "script" and a.get("type") != "application/ld+json":
            self.inline.append("script")


def test_documentation_for_browsers(client: httpx.Client) -> None:
    answer = client.get("/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.headers["vary"] == "Accept"
    policy = answer.headers["content-security-policy"]
    assert "style-src 'self';" in policy
    assert "unsafe-inline" not in policy
    page = _Page()
    page.feed(answer.text)
    assert page.inline == []
    assert page.loaded == []
    assert page.stylesheets == ["/ontology/pylode.css"]
    css = client.get("/ontology/pylode.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "url(" not in css.text
    assert "@import" not in css.text
    # Every class and property of smeo: has its own section (its IRI) with its label.
    ontology = _ontology()
    terms = {
        term
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for term in ontology.subjects(RDF.type, kind)
        if str(term).startswith(str(SMEO))
    }
    assert len(terms) > 50
    assert [t for t in terms if f"<code>{t}</code>" not in answer.text] == []
    labels = [escape(str(ontology.value(t, RDFS.label)), quote=False) for t in terms]
    assert [label for label in labels if f"<h3>{label}" not in answer.text] == []
    # The header is the ontology's alone; the concept schemes have their own section, with
    # every concept (the controlled vocabularies: stances, evidence relations, …).
    assert "<h1>SME Internationalization Knowledge Graph ontology</h1>" in answer.text
    vocabularies = answer.text[answer.text.index('id="vocabularies"') :]
    concepts = list(ontology.subjects(SKOS.inScheme, None))
    assert len(concepts) > 20
    assert [c for c in concepts if f"<code>{c}</code>" not in vocabularies] == []
    for scheme in ontology.subjects(RDF.type, SKOS.ConceptScheme):
        assert f"<h3>{ontology.value(scheme, SKOS.prefLabel)}</h3>" in vocabularies
    # `*/*` (curl, httpx) gets the page too; HEAD answers like GET, without the body.
    assert client.get("/ontology", headers={"Accept": "*/*"}).text == answer.text
    head = client.head("/ontology", headers={"Accept": "text/html"})
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == answer.headers["content-length"]


@pytest.mark.parametrize(("accept", "media_type", "rdf_format", "extension"), FORMATS)
def test_the_ontology_by_content_negotiation(
    client: httpx.Client, accept: str, media_type: str, rdf_format: str, extension: str
) -> None:
    answer = client.get("/ontology", headers={"Accept": accept})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == f"{media_type}; charset=utf-8"
    assert answer.headers["vary"] == "Accept"
    assert_isomorphic(Graph().parse(data=answer.text, format=rdf_format), _ontology())
    named = client.get(f"/ontology.{extension}")
    assert named.status_code == 200
    assert named.text == answer.text
    assert "vary" not in named.headers


def test_turtle_is_the_file_as_written(client: httpx.Client) -> None:
    answer = client.get("/ontology", headers={"Accept": "text/turtle;q=0.9, text/html;q=0.1"})
    assert answer.text == (ONTOLOGY / "sme.ttl").read_text(encoding="utf-8")


def test_unacceptable_and_unknown_formats(client: httpx.Client) -> None:
    refused = client.get("/ontology", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert refused.json()["error"] == "no acceptable format"
    assert "application/rdf+xml" in refused.json()["supported"]
    assert client.get("/ontology.owl").status_code == 422


def test_serving_the_documentation_leaves_logging_as_the_server_set_it() -> None:
    """pyLODE configures the root logger at DEBUG when imported; the API must not inherit
    that (it logged every Bolt message of every query). A fresh interpreter, as a server."""
    probe = (
        "import logging, api.app; root = logging.getLogger(); print(root.level, len(root.handlers))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert run.stdout.split() == [str(logging.WARNING), "0"]
