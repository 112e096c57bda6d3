"""Version rows to GraphQL types, and the net change of a statement over several versions.
Pure."""

from collections import defaultdict
from typing import Any

import orjson
import strawberry

from api.graphql.types.versions import (
    ChangeCount,
    ChangeOp,
    ChangeSet,
    DocumentChanges,
    StatementChange,
    Version,
)

Row = dict[str, Any]


def version(row: Row) -> Version:
    summary = orjson.loads(row.get("summary") or "{}")
    return Version(
        number=int(row["number"]),
        id=str(row["id"]),
        time=str(row["time"]),
        action=str(row["action"]),
        document_id=strawberry.ID(row["document"]) if row.get("document") else None,
        curator=row.get("curator"),
        note=row.get("note"),
        summary=[
            ChangeCount(kind=k, added=c["added"], removed=c["removed"], changed=c["changed"])
            for k, c in sorted(summary.items())
        ],
    )


def change_set(since: int, until: int, rows: list[Row]) -> ChangeSet:
    """The net change of every statement the versions after `since` touched, per document."""
    first: dict[str, Row] = {}
    last: dict[str, tuple[str, Row, int]] = {}
    for row in rows:
        for change in orjson.loads(row["changes"] or "[]"):
            first.setdefault(change["iri"], change)
            last[change["iri"]] = (change["op"], change, int(row["number"]))
    documents: dict[str | None, dict[str, list[StatementChange]]] = defaultdict(
        lambda: {"added": [], "removed": [], "changed": []}
    )
    for iri, (final, change, number) in sorted(last.items()):
        start = first[iri]
        existed = start["op"] != "added"  # it was there before `since`
        exists = final != "removed"
        if (
            existed
            and exists
            and start.get("before")
            and start.get("before") == change.get("after")
        ):
            continue  # changed and changed back
        op = (
            "changed"
            if existed and exists
            else "removed"
            if existed
            else "added"
            if exists
            else None
        )
        if op is None:
            continue  # added and withdrawn again
        documents[change.get("document")][op].append(
            StatementChange(
                op=ChangeOp(op),
                kind=change["kind"],
                id=strawberry.ID(iri),
                label=change.get("label") or "",
                version=number,
            )
        )
    return ChangeSet(
        since=since,
        until=until,
        documents=[
            DocumentChanges(
                document_id=strawberry.ID(d) if d else None,
                added=lists["added"],
                removed=lists["removed"],
                changed=lists["changed"],
            )
            for d, lists in sorted(documents.items(), key=lambda p: p[0] or "")
        ],
    )
