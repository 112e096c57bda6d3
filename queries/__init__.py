"""The Cypher catalog: one query per ``queries/<verb_noun>.cypher`` file, loaded by name."""

from functools import cache
from importlib.resources import files
from typing import LiteralString


@cache
def query(name: str) -> LiteralString:
    """The text of ``queries/<name>.cypher``; values are always passed as parameters."""
    resource = files(__package__).joinpath(f"{name}.cypher")
    if not resource.is_file():
        raise KeyError(f"no query named {name!r} in queries/")
    return resource.read_text(encoding="utf-8")  # mypy treats LiteralString as str


def names() -> list[str]:
    """Every query in the catalog."""
    return sorted(
        entry.name.removesuffix(".cypher")
        for entry in files(__package__).iterdir()
        if entry.name.endswith(".cypher")
    )
