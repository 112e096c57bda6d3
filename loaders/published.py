"""What a write publishes about the knowledge base besides its nodes: its record on the
`:KnowledgeBase` node and its version history."""

from dataclasses import asdict, dataclass, field
from typing import Any

import orjson
from neo4j import Transaction

from queries import query


@dataclass(frozen=True)
class Published:
    """What a write publishes about the knowledge base besides its nodes."""

    version: str  # content id
    number: int
    triples: int
    files: list[str]
    file_hashes: list[str]
    list_keys: list[str]
    versions: list[dict[str, Any]] = field(default_factory=list)  # history rows (full load)
    releases: list[dict[str, Any]] = field(default_factory=list)  # release rows (full load)
    new_version: dict[str, Any] | None = None  # one history row (incremental write)

    def to_json(self) -> str:
        """The record as JSON text, kept beside a swap so that any writer can finish it."""
        return orjson.dumps(asdict(self)).decode()

    @classmethod
    def from_json(cls, text: str) -> "Published":
        return cls(**orjson.loads(text))

    def write(self, tx: Transaction) -> None:
        tx.run(
            query("set_kb_version"),
            version=self.version,
            number=self.number,
            triples=self.triples,
            files=self.files,
            fileHashes=self.file_hashes,
            listKeys=self.list_keys,
        ).consume()
        if self.new_version is not None:
            tx.run(query("create_version"), row=self.new_version).consume()
        else:
            tx.run(query("replace_versions"), rows=self.versions).consume()
            tx.run(query("replace_releases"), rows=self.releases).consume()
