"""What a load is built from: every data and rule file with the hash of its bytes.

The content id (the knowledge-base version, and so every ETag) is a hash over the data files'
paths and hashes; the manifest also covers shapes and checks, so a load is skipped only when
neither the knowledge nor the rules changed.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from loaders.sources import Layout


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """Paths relative to the ontology folder, each with the SHA-256 of its bytes."""

    data: tuple[tuple[str, str], ...]
    rules: tuple[tuple[str, str], ...]

    @property
    def content_id(self) -> str:
        digest = hashlib.sha256()
        for path, sha in self.data:
            digest.update(f"{path}\0{sha}\0".encode())
        return digest.hexdigest()[:16]

    @property
    def files(self) -> list[str]:
        return [path for path, _ in (*self.data, *self.rules)]

    @property
    def hashes(self) -> list[str]:
        return [sha for _, sha in (*self.data, *self.rules)]

    def with_data(self, path: str, sha: str | None) -> "Manifest":
        """This manifest with one data file added, replaced (`sha`) or removed (None)."""
        kept = [(p, s) for p, s in self.data if p != path]
        if sha is not None:
            kept.append((path, sha))
        return Manifest(tuple(sorted(kept)), self.rules)


def _relative(layout: Layout, path: Path) -> str:
    return path.relative_to(layout.root).as_posix()


def read_manifest(layout: Layout) -> Manifest:
    """Hash every data and rule file of the layout."""
    return Manifest(
        tuple(sorted((_relative(layout, p), file_hash(p.read_bytes())) for p in layout.data_files)),
        tuple(sorted((_relative(layout, p), file_hash(p.read_bytes())) for p in layout.rule_files)),
    )
