"""The curator's decisions: which work an entry is, or that it is a new one, written down in
a small TOML or JSON file and applied before matching, so that an ambiguous match is settled
explicitly and never by a silent merge.

    # decisions.toml: a bibliography key or an author-year citation as printed = a work
    [decisions]
    westhead2003 = "kb:work-westhead2003"
    "Dana and Wright, 2004" = "new"
"""

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from smekg.namespaces import KB

NEW: Final = "new"


class DecisionError(ValueError):
    """A decision file that cannot be read or names a work that is not a candidate."""


def _iri(value: object, where: str) -> str | None:
    if not isinstance(value, str):
        raise DecisionError(f"{where}: expected a work IRI or {NEW!r}, found {value!r}")
    text = value.strip()
    if text.lower() == NEW:
        return None
    if text.startswith("kb:") and len(text) > 3:
        return f"{KB}{text[3:]}"
    if text.startswith(("https://", "http://")):
        return text
    raise DecisionError(f"{where}: {text!r} is neither a work IRI (kb:… or https://…) nor {NEW!r}")


@dataclass(frozen=True)
class Decisions:
    """Entry key (or cited form) -> work IRI, or None for "a new work"."""

    choices: Mapping[str, str | None] = field(default_factory=dict)
    source: str = "<decisions>"

    @classmethod
    def load(cls, path: Path) -> "Decisions":
        """Reads a .toml or .json decision file with one table/object named ``decisions``."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DecisionError(f"{path}: cannot read: {exc}") from exc
        try:
            if path.suffix.lower() == ".toml":
                data: object = tomllib.loads(text)
            elif path.suffix.lower() == ".json":
                data = json.loads(text)
            else:
                raise DecisionError(f"{path}: unknown decision file format (expected .toml, .json)")
        except tomllib.TOMLDecodeError as exc:
            raise DecisionError(f"{path}: TOML syntax error: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise DecisionError(f"{path}:{exc.lineno}: JSON syntax error: {exc.msg}") from exc
        table = data.get("decisions") if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise DecisionError(f"{path}: no 'decisions' table of key = work IRI or {NEW!r}")
        choices = {
            str(key): _iri(value, f"{path}: decision for {key!r}") for key, value in table.items()
        }
        return cls(choices, str(path))

    def __contains__(self, key: object) -> bool:
        return key in self.choices

    def choice(self, key: str) -> str | None:
        """The decided work for ``key`` (None: a new work). KeyError when there is none."""
        return self.choices[key]

    def unused(self, keys: Iterable[str]) -> list[str]:
        """Decisions for keys the import does not have (a typo in the file, or a stale one)."""
        present = set(keys)
        return sorted(key for key in self.choices if key not in present)
