"""The query parts a compiled statement is built from (queries/parts/*.cypher), by name.

An entity's file holds ``// part: NAME`` sections (projection items of that entity) and
``// relation: FIELD`` sections (a nested entity's projection); a root's file is a whole
statement. Placeholders: ``{{n}}`` the node's variable, ``{{v}}`` a related node's, ``{{p}}``
(or a named one in a root) a projection. Only these fixed texts and variable names the
planner makes up (``n1``, ``n2`` …) ever enter a statement; values are parameters.
"""

import re
from functools import cache

from queries import code
from queries import part as _text

_SECTION = re.compile(r"^// (part|relation): (\w+)$")


@cache
def sections(entity: str) -> dict[tuple[str, str], str]:
    """(kind, name) -> text of every section of ``queries/parts/<entity>.cypher``."""
    found: dict[tuple[str, str], list[str]] = {}
    current: list[str] | None = None
    for line in _text(entity).splitlines():
        match = _SECTION.match(line)
        if match:
            current = found.setdefault((match[1], match[2]), [])
        elif current is not None and not line.startswith("//"):
            current.append(line)
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


def part(entity: str, name: str, node: str) -> str:
    return sections(entity)[("part", name)].replace("{{n}}", node)


def relation(entity: str, field: str, node: str, related: str, projection: str) -> str:
    text = sections(entity)[("relation", field)]
    return text.replace("{{n}}", node).replace("{{v}}", related).replace("{{p}}", projection)


def root(name: str, projections: dict[str, str]) -> str:
    """The statement ``queries/parts/root_<name>.cypher`` with its projections filled in."""
    text = code(_text(f"root_{name}"))
    for placeholder, projection in projections.items():
        text = text.replace("{{" + placeholder + "}}", projection)
    return text
