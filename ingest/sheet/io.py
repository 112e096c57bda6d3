"""Reading and writing coding sheets: an .xlsx workbook, or one CSV file per sheet
(`<stem>.<sheet>.csv`). Headers are matched tolerantly (case, spaces, underscores and the
spellings in the column table); every problem names file, sheet, row and column."""

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ingest.errors import InputError, Where
from ingest.sheet.model import Column, Sheet
from ingest.sheet.spec import SHEETS

README_SHEET = "README"
_SPACE = re.compile(r"[\s_\-]+")


def _norm(header: str) -> str:
    return _SPACE.sub(" ", header.strip().lower()).strip()


_SHEET_NAMES = {_norm(s.name): s for s in SHEETS} | {_norm(s.name.rstrip("s")): s for s in SHEETS}


@dataclass(frozen=True)
class Row:
    """One filled row: its cells by column name, and where it stands."""

    sheet: str
    number: int  # the spreadsheet's row number (the header is row 1)
    values: dict[str, str]
    where: Where

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()

    def at(self, column: str) -> Where:
        return self.where.column(column)


@dataclass
class CodingSheet:
    """Every sheet's rows (sheets that were absent or empty have none)."""

    rows: dict[str, list[Row]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def sheet(self, name: str) -> list[Row]:
        return self.rows.get(name, [])


def _columns_for(sheet: Sheet, headers: list[str], where: Where) -> list[Column | None]:
    by_spelling = {_norm(a): c for c in sheet.columns for a in c.aliases}
    by_spelling |= {_norm(c.name): c for c in sheet.columns}  # a column's own name wins
    found: list[Column | None] = []
    seen: set[str] = set()
    for index, header in enumerate(headers, start=1):
        if not header.strip():
            found.append(None)
            continue
        column = by_spelling.get(_norm(header))
        cell = where.cell(1, get_column_letter(index), header)
        if column is None:
            known = ", ".join(c.name for c in sheet.columns)
            raise InputError(
                f"unknown column {header!r} (the {sheet.name} sheet has: {known})", cell
            )
        if column.name in seen:
            raise InputError(f"column {column.name!r} appears twice", cell)
        seen.add(column.name)
        found.append(column)
    missing = [c.name for c in sheet.required if c.name not in seen]
    if missing:
        raise InputError(f"missing required column(s): {', '.join(missing)}", where)
    return found


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(sheet: Sheet, table: Iterable[list[str]], where: Where) -> list[Row]:
    lines = iter(table)
    headers = next(lines, None)
    if headers is None:
        return []
    columns = _columns_for(sheet, headers, where)
    rows = []
    for number, cells in enumerate(lines, start=2):
        values = {
            column.name: cell
            for column, cell in zip(columns, cells, strict=False)
            if column is not None and cell.strip()
        }
        if values:
            rows.append(Row(sheet.name, number, values, where.row(number)))
    return rows


def _sheet_named(name: str, where: Where) -> Sheet | None:
    if _norm(name) == _norm(README_SHEET):
        return None
    sheet = _SHEET_NAMES.get(_norm(name))
    if sheet is None:
        known = ", ".join(s.name for s in SHEETS)
        raise InputError(f"unknown sheet {name!r} (a coding sheet has: {known})", where)
    return sheet


def _read_xlsx(path: Path) -> CodingSheet:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise InputError(f"not a readable .xlsx workbook: {exc}", Where(path)) from exc
    result = CodingSheet(files=[path])
    for worksheet in book.worksheets:
        where = Where(path, worksheet.title)
        sheet = _sheet_named(worksheet.title, where)
        if sheet is not None:
            table = ([_text(v) for v in line] for line in worksheet.iter_rows(values_only=True))
            result.rows[sheet.name] = _rows(sheet, table, where)
    book.close()
    return result


def csv_files(path: Path) -> list[Path]:
    """The CSV family of `path`: `stem.csv` names `stem.<sheet>.csv` files beside it."""
    stem = path.name.removesuffix(".csv")
    stem = next(
        (stem.removesuffix(f".{s.name}") for s in SHEETS if stem.endswith(f".{s.name}")), stem
    )
    return sorted(path.parent.glob(f"{stem}.*.csv"))


def _read_csv(path: Path) -> CodingSheet:
    files = csv_files(path)
    if not files:
        raise InputError(
            "no CSV sheets found (expected files named <stem>.<sheet>.csv)", Where(path)
        )
    result = CodingSheet(files=files)
    for file in files:
        name = file.name.removesuffix(".csv").rsplit(".", 1)[-1]
        where = Where(file, name)
        sheet = _sheet_named(name, where)
        if sheet is None:
            continue
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not UTF-8 (byte {exc.start}): save the sheet as CSV UTF-8", where
            ) from exc
        result.rows[sheet.name] = _rows(sheet, csv.reader(io.StringIO(text)), where)
    return result


def read_workbook(path: Path) -> CodingSheet:
    """Read a coding sheet: `.xlsx`, or `.csv` standing for its family of CSV files."""
    if not path.exists() and path.suffix != ".csv":
        raise InputError("no such file", Where(path))
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    raise InputError("a coding sheet is an .xlsx workbook or .csv files", Where(path))


def readme_text() -> str:
    """What every sheet and column means: the README sheet and docs/coding-sheet.md."""
    lines = [
        "# The coding sheet",
        "",
        "One workbook (or one CSV file per sheet, `<stem>.<sheet>.csv`) codes one document.",
        "Lists in a cell are separated by ';'. A reference to something already in the graph",
        "may be its IRI, `kb:local-name`, its label or alias, or 'Authors Year' for a work;",
        "an ambiguous reference is an error that lists the candidates. Every row rests on the",
        "document's own words: quote and locator (or sources naming rows of the excerpts sheet).",
        "Create a filled example with `smekg export-sheet`.",
    ]
    for sheet in SHEETS:
        lines += [
            "",
            f"## {sheet.name}",
            "",
            sheet.doc,
            "",
            "| column | required | meaning |",
            "| --- | --- | --- |",
        ]
        for column in sheet.columns:
            spell = f" (also: {', '.join(column.aliases)})" if column.aliases else ""
            lines.append(
                f"| `{column.name}`{spell} | {'yes' if column.required else ''} | {column.doc} |"
            )
    return "\n".join(lines) + "\n"


def write_workbook(path: Path, rows: dict[str, list[dict[str, str]]]) -> list[Path]:
    """Write a coding sheet (the template when `rows` is empty); returns the files written."""
    if path.suffix.lower() == ".xlsx":
        book = Workbook()
        readme = book.active
        assert readme is not None
        readme.title = README_SHEET
        for line in readme_text().splitlines():
            readme.append([line])
        readme.column_dimensions["A"].width = 120
        for sheet in SHEETS:
            page = book.create_sheet(sheet.name)
            page.append([c.name for c in sheet.columns])
            for index, column in enumerate(sheet.columns, start=1):
                cell = page.cell(row=1, column=index)
                cell.font = Font(bold=True)
                cell.comment = Comment(
                    column.doc + ("\nRequired." if column.required else ""), "smekg"
                )
                page.column_dimensions[get_column_letter(index)].width = max(
                    12, len(column.name) + 4
                )
            page.freeze_panes = "A2"
            for row in rows.get(sheet.name, []):
                page.append([row.get(c.name, "") for c in sheet.columns])
        book.save(path)
        return [path]
    if path.suffix.lower() != ".csv":
        raise InputError("write a coding sheet as .xlsx or .csv", Where(path))
    stem = path.name.removesuffix(".csv")
    written = []
    for sheet in SHEETS:
        target = path.parent / f"{stem}.{sheet.name}.csv"
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([c.name for c in sheet.columns])
            for row in rows.get(sheet.name, []):
                writer.writerow([row.get(c.name, "") for c in sheet.columns])
        written.append(target)
    readme = path.parent / f"{stem}.README.md"
    readme.write_text(readme_text(), encoding="utf-8")
    return [*written, readme]
