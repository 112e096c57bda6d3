"""The knowledge base's versions: one JSON object per line in `ontology/history.jsonl`.

The write side appends a record for every change it makes (import, replace, withdraw,
retract) and for a change it finds made by hand; a load publishes the records to Neo4j, where
the API lists versions and what changed since one.
"""

import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson


class HistoryError(Exception):
    """The history file cannot be read: the message names the file and line."""


@dataclass(frozen=True)
class Change:
    """One statement added, removed or changed by a version."""

    op: str  # "added" | "removed" | "changed"
    kind: str  # the statement's class, e.g. "Finding"
    iri: str
    label: str
    document: str | None  # the source document the statement rests on
    before: str | None = None  # digest of its description before the change (None: absent)
    after: str | None = None  # digest after it (None: absent) — equal digests: no net change


@dataclass(frozen=True)
class VersionRecord:
    number: int
    id: str  # the content id of the knowledge base after this change
    time: str  # ISO 8601, UTC
    action: str  # "import" | "replace" | "withdraw" | "retract" | "edit"
    tool: str
    document: str | None = None
    curator: str | None = None
    note: str | None = None
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def to_json(self) -> bytes:
        return orjson.dumps(asdict(self))

    def row(self) -> dict[str, Any]:
        """The record as Neo4j properties (the change list and summary as JSON text)."""
        data = asdict(self)
        data["changes"] = orjson.dumps(data["changes"]).decode()
        data["summary"] = orjson.dumps(self.summary()).decode()
        return {k: v for k, v in data.items() if v is not None}

    def summary(self) -> dict[str, dict[str, int]]:
        """Per statement kind, how many were added, removed and changed."""
        counts: dict[str, dict[str, int]] = {}
        for change in self.changes:
            per_kind = counts.setdefault(change.kind, {"added": 0, "removed": 0, "changed": 0})
            per_kind[change.op] += 1
        return counts


def unrecorded_edit(number: int, content_id: str) -> VersionRecord:
    """The version of files changed by hand since the last recorded one (a load names it; the
    next write records it in the history)."""
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    return VersionRecord(
        number, content_id, now, "edit", "smekg", note="files changed outside smekg"
    )


def _record(data: Any) -> VersionRecord:
    changes = tuple(Change(**c) for c in data.pop("changes", []))
    return VersionRecord(**data, changes=changes)


def read_history(path: Path) -> list[VersionRecord]:
    """Every recorded version, oldest first; none when the file does not exist."""
    if not path.is_file():
        return []
    records = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(_record(orjson.loads(line)))
        except (orjson.JSONDecodeError, TypeError, ValueError) as exc:
            raise HistoryError(f"{path}:{number}: not a version record: {exc}") from exc
    return records


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a reader or a crash sees the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def append_history(path: Path, records: list[VersionRecord]) -> None:
    """Add records at the end of the history (written whole, atomically)."""
    old = path.read_bytes() if path.is_file() else b""
    if old and not old.endswith(b"\n"):
        old += b"\n"
    write_atomically(path, old + b"".join(r.to_json() + b"\n" for r in records))


@dataclass(frozen=True)
class ReleaseRecord:
    """A citable release: its version (e.g. 1.0.0), date, and the knowledge base it is."""

    version: str
    date: str  # ISO 8601 date
    id: str  # the content id of the knowledge base released
    number: int  # its version number

    def to_json(self) -> bytes:
        return orjson.dumps(asdict(self))


def read_releases(path: Path) -> list[ReleaseRecord]:
    """Every release, oldest first; none when the file does not exist."""
    if not path.is_file():
        return []
    releases = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            releases.append(ReleaseRecord(**orjson.loads(line)))
        except (orjson.JSONDecodeError, TypeError) as exc:
            raise HistoryError(f"{path}:{number}: not a release record: {exc}") from exc
    return releases
