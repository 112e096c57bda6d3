"""Export the perturbed works as a bibliography file, read it back through
``read_bibliography``, match every entry against all the works and, leaving its own work out
(leave-one-out), against the others; count the outcomes per perturbation kind."""

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Final

from ingest.bibliography import BibEntry, read_bibliography, to_bibtex, to_ris
from ingest.matching.blocking import blocking_keys
from ingest.matching.compare import entry_record
from ingest.matching.evaluation.kb_works import KbWork
from ingest.matching.evaluation.perturb import KINDS, Perturbed, perturbations
from ingest.matching.matcher import assess_all, decide, match_entry
from ingest.matching.model import Candidate, Match, MatchKind

FORMATS: Final[dict[str, tuple[str, Callable[[Sequence[BibEntry]], str]]]] = {
    "BibTeX": (".bib", to_bibtex),
    "RIS": (".ris", to_ris),
}
MERGES: Final = frozenset({MatchKind.DOI, MatchKind.SAME, MatchKind.VARIANT})


@dataclass
class Tally:
    """Outcomes of one perturbation kind.

    With its work in the graph an entry is ``correct`` (merged into it), ``review`` (stopped
    for the curator with its work among the candidates listed), ``lost`` (NEW, or stopped
    without its work) or a false merge (merged into another work). ``titled`` counts entries
    whose work has a title in the graph and ``titled_correct`` those merged correctly.

    With its work left out, an entry must come back NEW or AMBIGUOUS; a merge into any other
    work is a false merge.

    ``lone_right`` / ``lone_wrong`` count stops where exactly one compatible candidate lacked
    conclusive evidence and it was / was not the entry's work: what accepting such a lone
    candidate would gain in recall and cost in false merges."""

    entries: int = 0
    correct: int = 0
    review: int = 0
    listed: int = 0  # candidates shown over all review stops
    lost: int = 0
    titled: int = 0
    titled_correct: int = 0
    lone_right: int = 0
    held_out: int = 0
    held_out_new: int = 0
    held_out_ambiguous: int = 0
    lone_wrong: int = 0
    false_merges: list[str] = field(default_factory=list)
    held_out_merges: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def recall(self) -> float:
        """Share of entries merged into their own work without the curator."""
        return self.correct / self.entries if self.entries else 1.0

    @property
    def reached(self) -> float:
        """Share merged into their own work, or stopped with it listed for the curator."""
        return (self.correct + self.review) / self.entries if self.entries else 1.0

    @property
    def titled_recall(self) -> float:
        return self.titled_correct / self.titled if self.titled else 1.0

    @property
    def precision(self) -> float:
        """Correct merges over all merges, leave-one-out ones included."""
        merges = self.correct + len(self.false_merges) + len(self.held_out_merges)
        return self.correct / merges if merges else 1.0


@dataclass
class Report:
    seed: int
    works: int
    format: str
    by_kind: dict[str, Tally]
    collided: dict[str, list[str]]
    round_trip_changes: list[str]
    blocking_changes: list[str]
    pool_changes: list[str]  # entries the indexed pool (matcher.match_entry) matched otherwise

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.by_kind.values():
            total.add(tally)
        return total

    @property
    def false_merges(self) -> list[str]:
        return self.total.false_merges + self.total.held_out_merges


def _lone(match: Match) -> bool:
    return match.kind is MatchKind.AMBIGUOUS and len(match.candidates) == 1


def _score(tally: Tally, perturbed: Perturbed, key: str, in_graph: Match, alone: Match) -> None:
    iri = perturbed.iri
    tally.entries += 1
    titled = bool(perturbed.in_graph.title)
    tally.titled += titled
    if in_graph.kind in MERGES:
        if in_graph.work == iri:
            tally.correct += 1
            tally.titled_correct += titled
        else:
            tally.false_merges.append(f"{key} -> {in_graph.work}")
    elif in_graph.kind is MatchKind.AMBIGUOUS and any(c.iri == iri for c in in_graph.candidates):
        tally.review += 1
        tally.listed += len(in_graph.candidates)
        tally.lone_right += _lone(in_graph)
    else:
        tally.lost += 1
    tally.held_out += 1
    if alone.kind in MERGES:
        tally.held_out_merges.append(f"{key} (its work left out) -> {alone.work}")
    elif alone.kind is MatchKind.NEW:
        tally.held_out_new += 1
    else:
        tally.held_out_ambiguous += 1
        tally.lone_wrong += _lone(alone)


def _outcome(match: Match) -> tuple[MatchKind, str | None, frozenset[str]]:
    """What the curator sees: the kind, the work, and the candidates offered."""
    return match.kind, match.work, frozenset(c.iri for c in match.candidates)


def _written(entry: BibEntry) -> BibEntry:
    """The entry as a bibliography file can carry it: no format has a type for "unknown"
    (no reference entry), which is written as a generic one and read back as "other"."""
    return replace(entry, work_type="other") if entry.work_type == "unknown" else entry


def _reread(made: Sequence[Perturbed], format_name: str, folder: Path) -> list[BibEntry]:
    suffix, write = FORMATS[format_name]
    path = folder / f"perturbed{suffix}"
    path.write_text(write([p.entry for p in made]), encoding="utf-8")
    return read_bibliography(path)


def evaluate(works: Sequence[KbWork], seed: int, format_name: str) -> Report:
    """Perturb (seeded), write as ``format_name``, read back, match and count."""
    made, collided = perturbations(works, seed)
    with tempfile.TemporaryDirectory(prefix="smekg-matching-") as folder:
        read = _reread(made, format_name, Path(folder))
    changes = [p.entry.key for p, r in zip(made, read, strict=True) if _written(p.entry) != r]
    graph: list[Candidate] = [w.candidate for w in works]
    by_kind = {kind: Tally() for kind in KINDS}
    blocking_changes: list[str] = []
    pool_changes: list[str] = []
    for perturbed, entry in zip(made, read, strict=True):
        candidates = [perturbed.in_graph if c.iri == perturbed.iri else c for c in graph]
        assessments = assess_all(entry_record(entry), candidates)
        in_graph = decide(assessments)
        alone = decide([a for a in assessments if a.iri != perturbed.iri])
        others = [c for c in candidates if c.iri != perturbed.iri]
        if (match_entry(entry, candidates), match_entry(entry, others)) != (in_graph, alone):
            pool_changes.append(entry.key)
        _score(by_kind[perturbed.kind], perturbed, entry.key, in_graph, alone)
        keys = blocking_keys(entry)
        admitted = {c.iri for c in candidates if keys.admits(c)}
        if _outcome(decide([a for a in assessments if a.iri in admitted])) != _outcome(in_graph):
            blocking_changes.append(entry.key)
    return Report(
        seed, len(works), format_name, by_kind, collided, changes, blocking_changes, pool_changes
    )
