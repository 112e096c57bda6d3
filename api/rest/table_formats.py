"""Pure renderers of comparison tables (`ComparisonTable` → text). No I/O.

Every format carries the source of every cell:

- **CSV** is one table in *long* format, one line per cell (row-major, in the table's own
  column and row order), with the columns of `CELL_COLUMNS`: ``theme, themeLabel,
  perspective, perspectiveLabel, text, stance, conditions, interpretedBy, document,
  locator, quote`` (``theme``, ``perspective``, ``interpretedBy`` and ``document`` are IRIs;
  several ``conditions`` are joined by ``"; "``). RFC 4180 quoting, UTF-8. A cell that a
  spreadsheet would take for a formula — starting with ``= + - @``, a tab or a carriage
  return — gets a leading ``'`` (OWASP's advice against CSV injection); `formula_safe`.
- **Markdown, LaTeX and HTML** give the *wide* table as printed — a header row ``Theme`` and
  one column per perspective (labels), one row per theme (label) with the cells' verbatim
  texts — then the footnotes attached to a shown column or row, then a **Sources** table in
  the same long format as the CSV. Both are plain tables that parse back:
  - Markdown: pipe tables; in a cell ``\\ | * _ ` [ ] < > ~`` are backslash-escaped
    (CommonMark) and a line break is ``<br>``.
  - LaTeX: ``tabular`` environments, one row per line ending in ``\\\\``, cells separated by
    ``&``; ``& % $ # _ { }`` become ``\\&`` etc., ``~ ^ \\ < >`` become ``\\textasciitilde{}``,
    ``\\textasciicircum{}``, ``\\textbackslash{}``, ``\\textless{}``, ``\\textgreater{}``, a line
    break is ``\\newline{}``. Needs no package beyond LaTeX itself (UTF-8 input).
  - HTML: a UTF-8 HTML5 document with two ``<table>`` elements (``class="comparison"`` and
    ``class="sources"``); text is HTML-escaped, a line break is ``<br>``.
- A blank cell (stance ``NOT_ADDRESSED``, text ``""``) is an empty cell, never dropped.
"""

import csv
import html
import io
import re
from collections.abc import Callable, Sequence

from api.graphql.types.composites import ComparisonTable

CELL_COLUMNS = (
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
)
CONDITION_SEPARATOR = "; "
TITLE = "Comparison of perspectives across themes"


# --- the table as plain strings ------------------------------------------------------------


def grid(table: ComparisonTable) -> tuple[list[str], list[list[str]]]:
    """The wide table: header (``Theme`` + perspective labels) and one row per theme."""
    header = ["Theme", *(column.label for column in table.columns)]
    rows = [[row.theme.label, *(cell.text for cell in row.cells)] for row in table.rows]
    return header, rows


def cell_records(table: ComparisonTable) -> list[list[str]]:
    """One list of strings per cell, in `CELL_COLUMNS` order, row-major."""
    records = []
    for row in table.rows:
        for column, cell in zip(table.columns, row.cells, strict=True):
            source = cell.source
            records.append(
                [
                    str(row.theme.id),
                    row.theme.label,
                    str(column.id),
                    column.label,
                    cell.text,
                    cell.stance.value,
                    CONDITION_SEPARATOR.join(cell.conditions),
                    str(cell.interpreted_by.id) if cell.interpreted_by else "",
                    str(source.document.id) if source else "",
                    source.locator if source else "",
                    source.quote if source else "",
                ]
            )
    return records


def footnotes(table: ComparisonTable) -> list[str]:
    """Footnote texts, each followed by the label of the column or row it is attached to."""
    labels = {str(c.id): c.label for c in table.columns}
    labels.update({str(r.theme.id): r.theme.label for r in table.rows})
    return [
        f"{note.text} ({labels.get(str(note.attached_to), str(note.attached_to))})"
        for note in table.footnotes
    ]


# --- CSV -----------------------------------------------------------------------------------


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """The cell as a spreadsheet shows it as text, never runs it as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def to_csv(table: ComparisonTable) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CELL_COLUMNS)
    writer.writerows([formula_safe(cell) for cell in row] for row in cell_records(table))
    return out.getvalue()


# --- Markdown ------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\|*_`\[\]<>~])")


def markdown_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\r\n", "\n").replace("\n", "<br>")


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(markdown_escape(c) for c in cells) + " |"

    return [line(header), "|" + " --- |" * len(header), *(line(r) for r in rows)]


def to_markdown(table: ComparisonTable) -> str:
    header, rows = grid(table)
    lines = [f"# {TITLE}", "", *_markdown_table(header, rows), ""]
    notes = footnotes(table)
    if notes:
        lines += ["Notes:", "", *(f"- {markdown_escape(n)}" for n in notes), ""]
    lines += ["## Sources", "", *_markdown_table(CELL_COLUMNS, cell_records(table)), ""]
    return "\n".join(lines)


# --- LaTeX ---------------------------------------------------------------------------------

LATEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "\n": r"\newline{}",
}
_LATEX_SPECIAL = re.compile("|".join(re.escape(c) for c in LATEX_ESCAPES))


def latex_escape(text: str) -> str:
    return _LATEX_SPECIAL.sub(lambda m: LATEX_ESCAPES[m[0]], text.replace("\r\n", "\n"))


def _latex_tabular(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    width = f"{0.95 / len(header):.3f}"
    spec = "|".join(f"p{{{width}\\linewidth}}" for _ in header)

    def line(cells: Sequence[str]) -> str:
        return " & ".join(latex_escape(c) for c in cells) + r" \\"

    return [
        f"\\begin{{tabular}}{{|{spec}|}}",
        r"\hline",
        line(header),
        r"\hline",
        *(line(r) for r in rows),
        r"\hline",
        r"\end{tabular}",
    ]


def to_latex(table: ComparisonTable) -> str:
    header, rows = grid(table)
    lines = [f"% {TITLE}; generated by the SME Internationalization Knowledge Graph."]
    lines += ["{\\small", *_latex_tabular(header, rows), "}", ""]
    for note in footnotes(table):
        lines += [f"\\noindent {latex_escape(note)}\\par", ""]
    lines += [r"\paragraph{Sources}", "{\\tiny", *_latex_tabular(CELL_COLUMNS, cell_records(table))]
    return "\n".join([*lines, "}", ""])


# --- HTML ----------------------------------------------------------------------------------


def html_escape(text: str) -> str:
    return html.escape(text, quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def _html_table(
    css_class: str, caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]
) -> list[str]:
    head = "".join(f'<th scope="col">{html_escape(h)}</th>' for h in header)
    body = ["<tr>" + "".join(f"<td>{html_escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    return [
        f'<table class="{css_class}">',
        f"<caption>{html_escape(caption)}</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *body,
        "</tbody>",
        "</table>",
    ]


def to_html(table: ComparisonTable) -> str:
    header, rows = grid(table)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        f'<head><meta charset="utf-8"><title>{TITLE}</title></head>',
        "<body>",
        *_html_table("comparison", TITLE, header, rows),
    ]
    notes = footnotes(table)
    if notes:
        lines += ['<ul class="notes">', *(f"<li>{html_escape(n)}</li>" for n in notes), "</ul>"]
    lines += [*_html_table("sources", "Sources", CELL_COLUMNS, cell_records(table))]
    return "\n".join([*lines, "</body>", "</html>", ""])


TABLE_FORMATS: dict[str, tuple[Callable[[ComparisonTable], str], str]] = {
    "csv": (to_csv, "text/csv"),
    "md": (to_markdown, "text/markdown"),
    "tex": (to_latex, "application/x-tex"),
    "html": (to_html, "text/html"),
}
