"""The GraphQL types of the knowledge base's versions: what is served, what each version
changed, and the net changes since a version. Pure data; nothing of ours is imported."""

from enum import Enum

import strawberry


@strawberry.type(description="The knowledge base this API serves.")
class KnowledgeBase:
    version: str = strawberry.field(description="Its content id (the ETag's first part).")
    number: int = strawberry.field(description="Its version number (see versions).")
    loaded_at: str | None = strawberry.field(description="When it was published in Neo4j.")
    release: str | None = strawberry.field(
        description="The release it is exactly, if any (e.g. 1.0.0); null between releases."
    )
    latest_release: str | None = strawberry.field(description="The newest release, if any.")


@strawberry.type(description="How many statements of one kind a version added, removed, changed.")
class ChangeCount:
    kind: str
    added: int
    removed: int
    changed: int


@strawberry.type(description="One version of the knowledge base and what made it.")
class Version:
    number: int
    id: str = strawberry.field(description="The content id of the knowledge base after it.")
    time: str
    action: str = strawberry.field(
        description="import, replace, withdraw, retract, edit (files changed by hand) or release."
    )
    document_id: strawberry.ID | None = strawberry.field(
        description="The document (or correction) it added, replaced or withdrew."
    )
    curator: str | None
    note: str | None
    summary: list[ChangeCount]


@strawberry.enum(description="What happened to a statement.")
class ChangeOp(Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@strawberry.type(description="One statement's net change since the asked version.")
class StatementChange:
    op: ChangeOp
    kind: str = strawberry.field(description="Its class, e.g. Finding, Work, Perspective.")
    id: strawberry.ID
    label: str
    version: int = strawberry.field(description="The last version that touched it.")


@strawberry.type(description="The statements one document's contributions changed.")
class DocumentChanges:
    document_id: strawberry.ID | None
    added: list[StatementChange]
    removed: list[StatementChange]
    changed: list[StatementChange]


@strawberry.type(description="What changed between a version and the one served.")
class ChangeSet:
    since: int
    until: int
    documents: list[DocumentChanges]
