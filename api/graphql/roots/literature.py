"""Root fields on the literature: cited works, one work, and full-text search."""

import re
from typing import Any

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.errors import bad_input, guarded, ids
from api.graphql.mapping import assemble, pages, records
from api.graphql.types.composites import OtherNode, SearchHit, StudyConnection, StudyEdge
from api.graphql.types.entities import Study
from smekg.settings import get_settings

LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
LUCENE_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})
MAX_SEARCH_WORDS = 64  # far below Lucene's 1,024 clauses, and any question's length


def lucene_query(text: str) -> str:
    """`text` as words for the full-text index, none of them Lucene syntax: special
    characters escaped, the operator words lower-cased (the index ignores case anyway).
    Text that cannot be searched is BAD_USER_INPUT, never a Lucene error."""
    words = text.split()
    if not words:
        raise bad_input("text must contain a word")
    if len(words) > MAX_SEARCH_WORDS:
        raise bad_input(f"text has {len(words)} words: search takes at most {MAX_SEARCH_WORDS}")
    return " ".join(
        LUCENE_SPECIAL.sub(r"\\\1", word.lower() if word in LUCENE_OPERATORS else word)
        for word in words
    )


@strawberry.type
class LiteratureQuery:
    @strawberry.field(description="Cited works, filtered and paged (Relay-style).")
    async def studies(
        self,
        info: Info[Context, None],
        search: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        cited_by: strawberry.ID | None = None,
        cited_by_all: list[strawberry.ID] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> StudyConnection:
        cap = get_settings().smekg_max_page_size
        size = cap if first is None else first
        if not 0 <= size <= cap:
            raise bad_input(f"first must be between 0 and {cap}")
        offset = pages.decode_cursor(after)
        total, rows = await guarded(
            info.context.repository.studies,
            search=search,
            yearFrom=year_from,
            yearTo=year_to,
            citedBy=str(cited_by) if cited_by else None,
            citedByAll=ids(cited_by_all),
            skip=offset,
            limit=size,
        )
        edges = [
            StudyEdge(node=records.study(r), cursor=pages.encode_cursor(offset + i))
            for i, r in enumerate(rows)
        ]
        return StudyConnection(
            edges=edges, page_info=pages.page_info(offset, len(edges), total), total_count=total
        )

    @strawberry.field(description="One cited work by id.")
    async def study(self, info: Info[Context, None], id: strawberry.ID) -> Study:
        return await info.context.loaders.study.load(str(id))

    @strawberry.field(
        description="Full-text search over labels, aliases, definitions, quotes, titles."
    )
    async def search(
        self, info: Info[Context, None], text: str, first: int | None = None
    ) -> list[SearchHit]:
        cap = get_settings().smekg_max_page_size
        size = 20 if first is None else first
        if not 0 < size <= cap:
            raise bad_input(f"first must be between 1 and {cap}")
        words = lucene_query(text)
        rows = await guarded(info.context.repository.read, "search_nodes", text=words, limit=size)
        return [await _hit(info, row, text) for row in rows]


async def _hit(info: Info[Context, None], row: dict[str, Any], text: str) -> SearchHit:
    kind = assemble.kind_of(row["labels"])
    loaders = info.context.loaders
    by_kind: dict[str, Any] = {
        "Perspective": loaders.perspective,
        "Theme": loaders.theme,
        "Prediction": loaders.prediction,
        "Work": loaders.study,
        "SourceDocument": loaders.study,
        "Finding": loaders.finding,
        "Category": loaders.category,
    }
    label = str(records.first(row["label"]) or row["iri"])
    loader = by_kind.get(kind)
    node = (
        await loader.load(row["iri"])
        if loader
        else OtherNode(id=strawberry.ID(row["iri"]), kind=kind, label=label)
    )
    field, snippet = assemble.snippet(row["fields"] or {}, text)
    return SearchHit(
        id=strawberry.ID(row["iri"]),
        kind=kind,
        label=label,
        field=field,
        snippet=snippet,
        score=float(row["score"]),
        node=node,
    )
