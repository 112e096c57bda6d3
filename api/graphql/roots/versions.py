"""Root fields on the knowledge base itself: the version served, the versions, and what
changed since one of them."""

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.errors import bad_input, guarded
from api.graphql.mapping import versions
from api.graphql.types.versions import ChangeSet, KnowledgeBase, Version

MAX_VERSIONS = 500


@strawberry.type
class VersionsQuery:
    @strawberry.field(description="The knowledge base this API serves: version, number, release.")
    async def knowledge_base(self, info: Info[Context, None]) -> KnowledgeBase:
        state = await guarded(info.context.repository.read, "get_kb_version")
        releases = await guarded(info.context.repository.read, "get_releases")
        row = state[0] if state else {}
        exact = [r["version"] for r in releases if r["id"] == row.get("version")]
        return KnowledgeBase(
            version=str(row.get("version") or ""),
            number=int(row.get("number") or 0),
            loaded_at=row.get("loadedAt"),
            release=exact[0] if exact else None,
            latest_release=releases[0]["version"] if releases else None,
        )

    @strawberry.field(description="The knowledge base's versions, newest first.")
    async def versions(self, info: Info[Context, None], limit: int = 50) -> list[Version]:
        if not 1 <= limit <= MAX_VERSIONS:
            raise bad_input(f"limit must be between 1 and {MAX_VERSIONS}")
        rows = await guarded(info.context.repository.read, "get_versions", limit=limit)
        return [versions.version(r["row"]) for r in rows]

    @strawberry.field(
        description="The statements added, removed and changed, per document, by the versions "
        "after `since` (net: a statement added and withdrawn again is not listed)."
    )
    async def changes(self, info: Info[Context, None], since: int) -> ChangeSet:
        if since < 0:
            raise bad_input("since is a version number (0 for the very beginning)")
        rows = await guarded(info.context.repository.read, "get_changes", since=since)
        state = await guarded(info.context.repository.read, "get_kb_version")
        until = int(state[0].get("number") or 0) if state else 0
        if since > until:
            raise bad_input(f"version {since} is later than the one served ({until})")
        return versions.change_set(since, until, rows)
