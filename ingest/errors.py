"""Errors the write side reports to people: one line each, saying what is wrong and where
(file, sheet, row and column; or file and line; or a BibTeX key)."""

from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Where:
    """A place in an input file, printed as file:sheet:row:column (as much as is known)."""

    file: Path | None = None
    sheet: str | None = None
    line: int | None = None
    col: str | None = None  # a column letter and/or name

    def row(self, number: int) -> "Where":
        return replace(self, line=number)

    def cell(self, number: int, letter: str, name: str) -> "Where":
        return replace(self, line=number, col=f"{letter} ({name})")

    def column(self, name: str) -> "Where":
        return replace(self, col=name)

    def __str__(self) -> str:
        parts = [str(self.file) if self.file else "<input>"]
        parts += [str(p) for p in (self.sheet, self.line, self.col) if p is not None]
        return ":".join(parts)


class InputError(Exception):
    """Bad input: the message names where. Nothing has been changed when it is raised."""

    def __init__(self, message: str, where: Where | None = None) -> None:
        self.message = message
        self.where = where or Where()
        super().__init__(f"{self.where}: {message}")


class InputProblemsError(Exception):
    """Several problems found in one pass, each on its own line."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
