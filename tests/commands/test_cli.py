"""The command line as a reviewer meets it: the template it writes, the documentation of its
columns kept current, and errors that are one line naming the place, with exit status 1 and
no traceback."""

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from ingest.sheet.io import readme_text
from ingest.sheet.spec import SHEETS
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "ingest" / "fixtures" / "novak2019"


def _smekg(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commands", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        check=False,
    )


def test_the_template_is_a_documented_workbook(tmp_path: Path) -> None:
    result = _smekg("template", str(tmp_path / "coding.xlsx"))
    assert result.returncode == 0, result.stderr
    book = load_workbook(tmp_path / "coding.xlsx")
    assert book.sheetnames == ["README", *(s.name for s in SHEETS)]
    findings = book["findings"]
    headers = [c.value for c in findings[1]]
    for column in ("document", "study", "summary", "quote", "locator", "section", "page",
                   "themes", "relation", "predictions", "sample", "country", "sector",
                   "method", "rationale"):  # fmt: skip
        assert column in headers
    assert all(c.comment is not None and c.comment.text for c in findings[1])
    readme = "\n".join(str(r[0].value or "") for r in book["README"].iter_rows())
    assert "## findings" in readme


def test_the_csv_template_is_one_file_per_sheet(tmp_path: Path) -> None:
    result = _smekg("template", str(tmp_path / "coding.csv"))
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted([f"coding.{s.name}.csv" for s in SHEETS] + ["coding.README.md"])


def test_the_column_documentation_is_current() -> None:
    assert (ROOT / "docs" / "coding-sheet.md").read_text(encoding="utf-8") == readme_text(), (
        "docs/coding-sheet.md is stale: regenerate it from ingest/sheet/spec"
    )


def test_an_import_error_is_one_line_naming_the_place(tmp_path: Path) -> None:
    for path in FIXTURE.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    findings = tmp_path / "novak2019.findings.csv"
    findings.write_text(findings.read_text().replace("grew their sales", "grew their profits"))
    result = _smekg(
        "import",
        str(tmp_path / "novak2019.csv"),
        "--text",
        str(tmp_path / "novak2019.txt"),
        "--dry-run",
        SMEKG_CURATOR="Test Curator",
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    wanted = "novak2019.findings.csv:findings:2:quote: the quote is not in the document's text"
    assert any(wanted in line for line in errors), result.stderr


def test_an_import_without_a_curator_is_refused(tmp_path: Path) -> None:
    result = _smekg(
        "import", str(FIXTURE / "novak2019.csv"), "--text", str(FIXTURE / "novak2019.txt"),
        SMEKG_CURATOR="",
    )  # fmt: skip
    assert result.returncode == 1
    assert "set SMEKG_CURATOR" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_usage_exits_two() -> None:
    result = _smekg("import")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
