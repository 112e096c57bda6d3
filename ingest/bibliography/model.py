"""A bibliography entry once read, whatever the file format: the fields the work matcher and the
knowledge base use, plus the entry as printed and where it was found."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

WorkType = Literal[
    "article", "book", "chapter", "report", "thesis", "conference-paper", "other", "unknown"
]
WORK_TYPES: Final[tuple[WorkType, ...]] = (
    "article",
    "book",
    "chapter",
    "report",
    "thesis",
    "conference-paper",
    "other",
    "unknown",
)


class BibliographyError(ValueError):
    """A bibliography that cannot be read; one problem per line, each naming file and line
    (or record)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Location:
    """Where an entry is: the file, its first line (BibTeX, RIS) and its position among the
    file's entries, counted from 1."""

    path: Path
    record: int
    line: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        return f"{self.path}: record {self.record}"


@dataclass(frozen=True)
class BibEntry:
    """One work as a bibliography describes it.

    ``authors`` are (family, given) pairs; a family name keeps its particles ("van Dijken") and
    a corporate author is (name, ""). ``et_al`` records an author list cut short ("and others").
    ``doi`` is lowercase without a URL or ``doi:`` prefix. Two entries are equal when their
    bibliographic fields are: the source-specific ``entry_type``, ``printed`` and ``location``
    do not take part in comparisons.
    """

    key: str
    authors: tuple[tuple[str, str], ...]
    year: int | None
    title: str | None
    work_type: WorkType = "other"
    year_suffix: str | None = None
    et_al: bool = False
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    entry_type: str = field(default="", compare=False)
    printed: str = field(default="", compare=False)
    location: Location | None = field(default=None, compare=False)
