"""The files a contribution changes, written so that a crash or an error leaves the old files
or the new ones (temporary file, fsync, rename), and restored when publishing fails."""

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from loaders.sources import Layout, parse_file
from smekg.history import write_atomically
from smekg.namespaces import PREFIXES

KEPT_WORKS = "_kept-works.ttl"


def contribution_path(layout: Layout, local: str) -> Path:
    return layout.contributions_dir / f"{local.replace('/', '_')}.ttl"


def kept_works_path(layout: Layout) -> Path:
    """Works a withdrawn contribution introduced that other documents still cite."""
    return layout.contributions_dir / KEPT_WORKS


def read_graph(path: Path) -> Graph:
    return parse_file(path) if path.is_file() else Graph()


def turtle(graph: Graph, header: str) -> bytes:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix or "smeo", namespace)
    body = graph.serialize(format="turtle")
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return (comment + "\n" + body).encode()


@dataclass
class FileChanges:
    """New contents (None = delete) for files, applied in order and undone in reverse."""

    writes: list[tuple[Path, bytes | None]] = field(default_factory=list)
    _saved: list[tuple[Path, bytes | None]] = field(default_factory=list)

    def apply(self) -> None:
        """Write what is not written yet (writes added after an apply are applied next)."""
        for path, data in self.writes[len(self._saved) :]:
            self._saved.append((path, path.read_bytes() if path.is_file() else None))
            if data is None:
                path.unlink(missing_ok=True)
            else:
                write_atomically(path, data)

    def undo(self) -> None:
        for path, data in reversed(self._saved):
            if data is None:
                path.unlink(missing_ok=True)
            else:
                write_atomically(path, data)
        self._saved.clear()
