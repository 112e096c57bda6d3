"""REST exports over HTTP against the real Neo4j: every format parses back to what GraphQL says."""

import csv
import io
import json
import re
from functools import cache
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest
from neo4j import Driver
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from api.live_server import LiveServer
from api.rest.table_formats import formula_safe
from loaders.sources import parse_files
from smekg.namespaces import BIBO, KB, SMEO
from smekg.settings import Settings
from tests.conftest import ONTOLOGY, ROOT, graphql
from tests.rdf_compare import assert_isomorphic

EXPECTED = json.loads((ROOT / "tests" / "expected" / "table1.json").read_text(encoding="utf-8"))
PERSPECTIVES = [c["id"] for c in EXPECTED["columns"]]
THEMES = [r["id"] for r in EXPECTED["rows"]]
STAGE = str(KB["persp-stage"])
TC = str(KB["persp-internalization-tc"])
THEME_4 = str(KB["theme-4"])
# A custom subset in a custom order, holding Table 1's blank cell theme-4 x internalization/TC.
SUBSET = {"perspective": [PERSPECTIVES[4], TC, STAGE], "theme": [THEME_4, THEMES[0]]}
CELL_COLUMNS = [
    "theme",
    "themeLabel",
    "perspective",
    "perspectiveLabel",
    "text",
    "stance",
    "conditions",
    "interpretedBy",
    "document",
    "locator",
    "quote",
]
MEDIA_TYPES = {
    "csv": "text/csv",
    "md": "text/markdown",
    "tex": "application/x-tex",
    "html": "text/html",
}

TABLE = """
query Table($perspectives: [ID!], $themes: [ID!]) {
  comparisonTable(perspectives: $perspectives, themes: $themes) {
    columns { id label }
    rows { theme { id label }
           cells { text stance conditions interpretedBy { id }
                   source { locator quote document { id } } } }
  }
}
"""

Table = list[list[str]]


def _graphql_table(client: httpx.Client, params: dict[str, list[str]]) -> dict[str, Any]:
    body = graphql(
        client, TABLE, perspectives=params.get("perspective"), themes=params.get("theme")
    )
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]  # type: ignore[assignment]
    return data["comparisonTable"]  # type: ignore[no-any-return]


def _expected_grid(table: dict[str, Any]) -> Table:
    header = ["Theme", *(c["label"] for c in table["columns"])]
    return [header] + [
        [r["theme"]["label"], *(c["text"] for c in r["cells"])] for r in table["rows"]
    ]


def _expected_cells(table: dict[str, Any]) -> Table:
    rows = [CELL_COLUMNS]
    for row in table["rows"]:
        for column, cell in zip(table["columns"], row["cells"], strict=True):
            source = cell["source"] or {}
            rows.append(
                [
                    row["theme"]["id"],
                    row["theme"]["label"],
                    column["id"],
                    column["label"],
                    cell["text"],
                    cell["stance"],
                    "; ".join(cell["conditions"]),
                    (cell["interpretedBy"] or {}).get("id", ""),
                    source.get("document", {}).get("id", ""),
                    source.get("locator", ""),
                    source.get("quote", ""),
                ]
            )
    return rows


# --- parsers, written from the formats' documentation, independent of the renderers ----------


def _parse_csv(text: str) -> list[Table]:
    return [list(csv.reader(io.StringIO(text, newline="")))]


def _unescape_markdown(cell: str) -> str:
    return re.sub(r"\\(.)|<br>", lambda m: m[1] if m[1] is not None else "\n", cell)


def _split_pipes(line: str) -> list[str]:
    cells, current, i = [], "", 0
    while i < len(line):
        if line[i] == "\\":
            current += line[i : i + 2]
            i += 2
            continue
        if line[i] == "|":
            cells.append(current)
            current = ""
        else:
            current += line[i]
        i += 1
    cells.append(current)
    return [_unescape_markdown(c.strip()) for c in cells[1:-1]]


def _parse_markdown(text: str) -> list[Table]:
    tables: list[Table] = []
    previous = False
    for line in text.splitlines():
        is_row = line.startswith("|")
        if is_row and not re.fullmatch(r"\|( --- \|)+", line):
            if not previous:
                tables.append([])
            tables[-1].append(_split_pipes(line))
        previous = is_row
    return tables


LATEX_UNESCAPES = {
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\textless{}": "<",
    r"\textgreater{}": ">",
    r"\newline{}": "\n",
}


def _unescape_latex(cell: str) -> str:
    pattern = "|".join(re.escape(k) for k in LATEX_UNESCAPES) + r"|\\([&%$#_{}])"
    return re.sub(pattern, lambda m: m[1] or LATEX_UNESCAPES[m[0]], cell)


def _parse_latex(text: str) -> list[Table]:
    tables: list[Table] = []
    inside = False
    for line in text.splitlines():
        if line.startswith(r"\begin{tabular}"):
            tables.append([])
            inside = True
        elif line.startswith(r"\end{tabular}"):
            inside = False
        elif inside and line != r"\hline":
            assert line.endswith(r" \\"), line
            cells = re.split(r"(?<!\\)&", line.removesuffix(r" \\"))
            tables[-1].append([_unescape_latex(c.strip()) for c in cells])
    return tables


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = ""
        elif tag == "br" and self.cell is not None:
            self.cell += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(self.cell)
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell += data


def _parse_html(text: str) -> list[Table]:
    parser = _Tables()
    parser.feed(text)
    parser.close()
    return parser.tables


PARSERS = {"csv": _parse_csv, "md": _parse_markdown, "tex": _parse_latex, "html": _parse_html}


# --- comparison tables ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(PARSERS))
@pytest.mark.parametrize("params", [{}, SUBSET], ids=["table-1", "custom-subset"])
def test_table_parses_back_to_the_graphql_table(
    loaded_db: Driver, client: httpx.Client, fmt: str, params: dict[str, list[str]]
) -> None:
    response = client.get(f"/tables/comparison.{fmt}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == f"{MEDIA_TYPES[fmt]}; charset=utf-8"
    expected = _graphql_table(client, params)
    tables = PARSERS[fmt](response.text)
    if fmt == "csv":  # cells a spreadsheet would run as formulas start with "'"
        assert tables == [[[formula_safe(c) for c in row] for row in _expected_cells(expected)]]
    else:
        assert tables == [_expected_grid(expected), _expected_cells(expected)]


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_blank_cell_stays_blank_in_its_place(
    loaded_db: Driver, client: httpx.Client, fmt: str
) -> None:
    tables = PARSERS[fmt](client.get(f"/tables/comparison.{fmt}", params=SUBSET).text)
    cells = {(r[0], r[2]): r for r in tables[-1][1:]}
    assert len(cells) == len(SUBSET["perspective"]) * len(SUBSET["theme"])
    blank = cells[(THEME_4, TC)]
    assert blank[4:6] == ["", "NOT_ADDRESSED"]
    assert blank[8].endswith("/doc-wright2007")  # even a blank cell has its source
    if fmt != "csv":
        theme_4_row = tables[0][1]
        assert theme_4_row[1 + SUBSET["perspective"].index(TC)] == ""
        assert all(theme_4_row[1 + i] for i, p in enumerate(SUBSET["perspective"]) if p != TC)


@pytest.mark.parametrize(
    ("params", "unknown"),
    [
        ({"perspective": [STAGE, str(KB["persp-nope"])]}, str(KB["persp-nope"])),
        ({"theme": [str(KB["theme-99"])]}, str(KB["theme-99"])),
    ],
)
def test_unknown_table_id_is_a_404_naming_it(
    loaded_db: Driver, client: httpx.Client, params: dict[str, list[str]], unknown: str
) -> None:
    response = client.get("/tables/comparison.csv", params=params)
    assert response.status_code == 404
    assert unknown in response.json()["error"]


def test_unknown_format_is_refused(loaded_db: Driver, client: httpx.Client) -> None:
    assert client.get("/tables/comparison.xlsx").status_code == 422


# --- RDF -----------------------------------------------------------------------------------


@cache
def _source_graph() -> Graph:
    """The loaded Turtle sources (parsed once; tests only read it)."""
    paths = [*sorted((ONTOLOGY / "kb").glob("*.ttl")), ONTOLOGY / "sme.ttl"]
    return parse_files(paths)


def _own_triples(graph: Graph, iri: URIRef) -> Graph:
    own = Graph()
    for triple in graph.triples((iri, None, None)):
        own.add(triple)
    return own


@pytest.mark.parametrize("accept", [None, "text/turtle", "application/ld+json"])
def test_node_is_its_own_triples(
    loaded_db: Driver, client: httpx.Client, accept: str | None
) -> None:
    iri = KB["pred-stage-1"]
    headers = {"Accept": accept} if accept else {}
    response = client.get("/nodes", params={"iri": str(iri)}, headers=headers)
    assert response.status_code == 200, response.text
    media = accept or "text/turtle"
    assert response.headers["content-type"].startswith(media)
    fmt = "json-ld" if media == "application/ld+json" else "turtle"
    actual = Graph().parse(data=response.text, format=fmt)
    assert_isomorphic(_own_triples(_source_graph(), iri), actual)
    assert (iri, RDF.type, SMEO.Prediction) in actual


def test_node_with_typed_and_tagged_literals(loaded_db: Driver, client: httpx.Client) -> None:
    iri = KB["doc-chesenik"]  # two titles, tagged en and ms
    response = client.get("/nodes", params={"iri": str(iri)})
    actual = Graph().parse(data=response.text, format="turtle")
    assert_isomorphic(_own_triples(_source_graph(), iri), actual)
    assert (
        iri,
        DCTERMS.title,
        Literal("Model bagi Memahami Pengantarabangsaan EKS bagi Ekonomi Baru Muncul", lang="ms"),
    ) in actual


def test_unknown_node_is_a_404(loaded_db: Driver, client: httpx.Client) -> None:
    response = client.get("/nodes", params={"iri": str(KB["nope"])})
    assert response.status_code == 404
    assert str(KB["nope"]) in response.json()["error"]


def test_whole_graph_as_turtle_and_json_ld(loaded_db: Driver, client: httpx.Client) -> None:
    turtle = client.get("/graph")
    assert turtle.headers["content-type"] == "text/turtle; charset=utf-8"
    assert turtle.headers["vary"] == "Accept"
    assert_isomorphic(_source_graph(), Graph().parse(data=turtle.text, format="turtle"))
    jsonld = client.get("/graph", headers={"Accept": "text/turtle;q=0.5, application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    json.loads(jsonld.text)
    assert_isomorphic(_source_graph(), Graph().parse(data=jsonld.text, format="json-ld"))


def test_unacceptable_rdf_format_is_a_406(loaded_db: Driver, client: httpx.Client) -> None:
    response = client.get("/graph", headers={"Accept": "text/html"})
    assert response.status_code == 406
    assert "text/turtle" in response.json()["supported"]


# --- works ---------------------------------------------------------------------------------


def _works_in_source() -> set[URIRef]:
    graph = _source_graph()
    return {
        s
        for cls in (SMEO.Work, SMEO.SourceDocument)
        for s in graph.subjects(RDF.type, cls)
        if isinstance(s, URIRef)
    }


def _bibtex_entries(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    entries = {}
    for match in re.finditer(r"^@(\w+)\{([^,]+),\n(.*?)\n\}$", text, re.M | re.S):
        fields = dict(re.findall(r"^  (\w+) = \{(.*)\},$", match[3], re.M))
        entries[match[2]] = (match[1], fields)
    return entries


def test_bibtex_has_every_work_and_johanson1977_field_by_field(
    loaded_db: Driver, client: httpx.Client
) -> None:
    response = client.get("/works.bib")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-bibtex; charset=utf-8"
    entries = _bibtex_entries(response.text)
    assert len(entries) == len(_works_in_source()) == response.text.count("\n@") + 1
    graph = _source_graph()
    work = KB["work-johanson1977"]

    def value(predicate: URIRef) -> str:
        return str(graph.value(work, predicate))

    entry_type, fields = entries["johanson1977"]
    assert entry_type == "article"
    assert fields == {
        "author": "{" + value(SMEO.authorList).replace("&", r"\&") + "}",
        "title": "{" + value(DCTERMS.title) + "}",
        "year": value(SMEO.year),
        "journal": value(SMEO.venue),
        "volume": value(BIBO.volume),
        "number": value(BIBO.issue),
        "pages": value(BIBO.pages),
    }


def test_bibtex_entry_types_and_keys(loaded_db: Driver, client: httpx.Client) -> None:
    entries = _bibtex_entries(client.get("/works.bib").text)
    assert entries["wright2007"][0] == "article"
    assert entries["wright2007"][1]["doi"] == "10.1080/00343400601120288"
    assert entries["abdulrashid2002"][0] == "incollection"
    assert "booktitle" in entries["abdulrashid2002"][1]
    assert entries["acs1997"] == ("misc", {"author": "{Acs et al.}", "year": "1997"})
    assert {t for t, _ in entries.values()} >= {"book", "techreport", "phdthesis", "inproceedings"}


def test_csl_json_has_every_work(loaded_db: Driver, client: httpx.Client) -> None:
    response = client.get("/works.json")
    assert response.headers["content-type"].startswith("application/vnd.citationstyles.csl+json")
    items = response.json()
    assert len(items) == len(_works_in_source())
    by_id = {item["id"]: item for item in items}
    assert len(by_id) == len(items)
    assert by_id["johanson1977"] == {
        "id": "johanson1977",
        "type": "article-journal",
        "author": [{"literal": "Johanson, J. & Vahlne, J.E."}],
        "issued": {"date-parts": [[1977]]},
        "title": "The internationalization process of the firm-a model of knowledge "
        "development and increasing foreign market commitments",
        "container-title": "Journal of International Business Studies",
        "volume": "8",
        "issue": "1",
        "page": "23-32",
    }
    assert any("year-suffix" in item for item in items)


# --- outage --------------------------------------------------------------------------------


def test_neo4j_outage_is_a_503(settings: Settings) -> None:
    down = settings.model_copy(
        update={"neo4j_uri": "bolt://127.0.0.1:1", "smekg_retry_seconds": 0.0}
    )
    with LiveServer(down) as server, httpx.Client(base_url=server.url, timeout=30) as c:
        for path in ("/tables/comparison.csv", "/graph", "/works.bib"):
            response = c.get(path)
            assert response.status_code == 503, path
            assert "error" in response.json()
