"""Bad input gets one clear error naming where, and changes nothing — neither the files nor
the graph. Each case is the fictional test document with one defect."""

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.errors import InputError, InputProblemsError
from loaders.errors import LoadError
from tests.ingest.conftest import KnowledgeBase, novak_request
from tests.rdf_compare import assert_isomorphic

Defect = Callable[[Path], None]


def _edit(sheet: str, old: str, new: str) -> Defect:
    def apply(folder: Path) -> None:
        path = folder / f"novak2019.{sheet}.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fixture no longer holds {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _append(sheet: str, header: str, row: str) -> Defect:
    def apply(folder: Path) -> None:
        path = folder / f"novak2019.{sheet}.csv"
        if not path.exists():
            path.write_text(header + "\n", encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")

    return apply


def _ambiguous(folder: Path) -> None:
    path = folder / "novak2019.findings.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] += ",perspectives"
    lines[1] += ",SUPPORTS:international new ventures"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _latin1(folder: Path) -> None:
    path = folder / "novak2019.findings.csv"
    text = path.read_text(encoding="utf-8").replace("non-exporters", "non-exporters — ésa")
    path.write_bytes(text.encode("latin-1", errors="replace"))


def _bad_bibtex(folder: Path) -> None:
    path = folder / "novak2019.bib"
    path.write_text(path.read_text().replace("  pages   = {1--10}\n}", "  pages   = {1--10\n"))


CATEGORY_HEADER = "factor,category,share,sample_size,order,quote,locator"
CASES: dict[str, tuple[Defect, str]] = {
    "malformed cell": (
        _edit("documents", ",2019,", ",twenty-nineteen,"),
        r"novak2019\.documents\.csv:documents:2:year: 'twenty-nineteen' is not a whole number",
    ),
    "missing required column": (
        _edit("findings", "study,summary,", "study,"),
        r"novak2019\.findings\.csv:findings: missing required column\(s\): summary",
    ),
    "unknown theme": (
        _edit("findings", "The effect of internationalization on SME performance", "Timing of all"),
        r"findings:2:themes: no Theme named 'Timing of all'",
    ),
    "unknown prediction": (
        _edit("findings", "SUPPORTS:kb:pred-stage-7", "SUPPORTS:kb:pred-nope"),
        r"findings:2:predictions: kb:pred-nope is neither in this sheet nor in the knowledge base",
    ),
    "ambiguous perspective": (
        _ambiguous,
        r"findings:2:perspectives: 'international new ventures' is ambiguous: it names "
        r"kb:persp-bg-inv .*kb:persp-learning-knowledge",
    ),
    "quote not in the text": (
        _edit(
            "findings", "exporters grew their sales faster", "exporters grew their profits faster"
        ),
        r"findings:2:quote: the quote is not in the document's text",
    ),
    "share outside 0-1": (
        _append(
            "categories",
            CATEGORY_HEADER,
            "triggering factors,Fairs abroad,1.5,32,9,"
            "trade fairs were their first step abroad,\"Section 'Results', paragraph 1\"",
        ),
        r"share",
    ),
    "duplicate row": (
        _append(
            "perspectives",
            "",
            "kb:persp-stage,gradualist stage model,which some call the gradualist stage model,"
            "\"Section 'Introduction', paragraph 1\",Introduction",
        ),
        r"perspectives:3: this row repeats row 2",
    ),
    "BibTeX syntax error": (_bad_bibtex, r"novak2019\.bib:\d+"),
    "wrong encoding": (_latin1, r"novak2019\.findings\.csv:findings: not UTF-8"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_refused_and_changes_nothing(
    kb: KnowledgeBase, novak: Path, case: str
) -> None:
    defect, message = CASES[case]
    defect(novak)
    files, graph = kb.files(), kb.graph()
    with pytest.raises((InputError, InputProblemsError, LoadError), match=message):
        kb.import_sheet(novak_request(novak))
    assert kb.files() == files
    assert_isomorphic(graph, kb.graph())
