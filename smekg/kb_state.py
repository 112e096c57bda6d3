"""The knowledge base's state as a reader sees it (``queries/get_kb_state.cypher``), and the
two questions every reader asks of it: may it read now, and did a write commit since it
pinned? Shared by the API and by ``smekg export`` (docs/decisions/0011, 0013, 0032)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class KbState:
    version: str | None  # None: no knowledge base is loaded
    seq: int
    writing: bool  # seq is odd and its writer may still commit, or a swap is unfinished

    @property
    def stable(self) -> bool:
        """No swap can commit while this state holds (an odd seq whose time is up is a
        crashed writer's: stable)."""
        return self.seq % 2 == 0 or not self.writing

    def same_snapshot(self, other: "KbState") -> bool:
        return self.seq == other.seq and self.version == other.version


def state_of(row: Mapping[str, Any]) -> KbState:
    """The state in a row of ``queries/get_kb_state.cypher``."""
    version = row["version"]
    return KbState(
        version=None if version is None else str(version),
        seq=int(row["seq"]),
        writing=bool(row["writing"]),
    )
