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


@cache
def part(name: str) -> str:
    """The text of ``queries/parts/<name>.cypher``: a fixed piece statements are built from
    (``api.graphql.plan.parts``, ``api.data.repository``); values are always parameters."""
    resource = files(__package__).joinpath("parts", f"{name}.cypher")
    if not resource.is_file():
        raise KeyError(f"no query part named {name!r} in queries/parts/")
    return resource.read_text(encoding="utf-8")


def code(text: str) -> str:
    """A query text without its ``//`` comment lines (to be put inside another statement)."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("//"))


def names() -> list[str]:
    """Every query in the catalog."""
    return sorted(
        entry.name.removesuffix(".cypher")
        for entry in files(__package__).iterdir()
        if entry.name.endswith(".cypher")
    )
