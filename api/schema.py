"""The GraphQL schema: each root field runs one named query, then the pure mapping."""

import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.types import Info

from api import assemble, records
from api.context import Context
from api.errors import bad_input, not_found, unavailable
from api.masking import masking_extension
from api.status import UnavailableStatus
from api.types import Finding, Perspective, Prediction, Stance, Study, Theme
from api.views import (
    Category,
    ComparisonTable,
    EvidenceChain,
    EvidenceMapCell,
    ExpertPanel,
    Factor,
    Implication,
    ImplicationKind,
    OtherNode,
    QualityNote,
    SearchHit,
    StudyConnection,
    StudyEdge,
)
from smekg.database import DatabaseUnavailableError
from smekg.settings import get_settings

T = TypeVar("T")
LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


async def _db(function: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
    """A repository call; an outage becomes SERVICE_UNAVAILABLE."""
    try:
        return await function(*args, **kwargs)
    except DatabaseUnavailableError as exc:
        raise unavailable(str(exc)) from exc


def _ids(values: list[strawberry.ID] | None) -> list[str] | None:
    return [str(v) for v in values] if values is not None else None


@strawberry.type
class Query:
    @strawberry.field(description="Theoretical perspectives, optionally of one family (an IRI).")
    async def perspectives(
        self, info: Info[Context, None], family: strawberry.ID | None = None
    ) -> list[Perspective]:
        rows = await _db(info.context.repository.perspectives, family)
        if family is not None and not rows:
            known = await _db(info.context.repository.read, "get_resources", iris=[str(family)])
            if not known:
                raise not_found("family", [str(family)])
        return [records.perspective(r) for r in rows]

    @strawberry.field(description="One perspective by id.")
    async def perspective(self, info: Info[Context, None], id: strawberry.ID) -> Perspective:
        return await info.context.loaders.perspective.load(str(id))

    @strawberry.field(description="Themes in the order of the review's Table 1 rows.")
    async def themes(self, info: Info[Context, None]) -> list[Theme]:
        return [records.theme(r) for r in await _db(info.context.repository.themes)]

    @strawberry.field(description="One theme by id.")
    async def theme(self, info: Info[Context, None], id: strawberry.ID) -> Theme:
        return await info.context.loaders.theme.load(str(id))

    @strawberry.field(
        description="Perspectives (columns) against themes (rows), each in request order; "
        "defaults to Table 1's columns and rows. Exactly one cell per column in every row."
    )
    async def comparison_table(
        self,
        info: Info[Context, None],
        perspectives: list[strawberry.ID] | None = None,
        themes: list[strawberry.ID] | None = None,
    ) -> ComparisonTable:
        wanted_p, wanted_t = _ids(perspectives), _ids(themes)
        cap = get_settings().smekg_max_table_cells
        data = await _db(info.context.repository.comparison_table, wanted_p, wanted_t, cap)
        return assemble.comparison_table(data, wanted_p, wanted_t, cap)

    @strawberry.field(description="Predictions, filtered by perspective, theme and stance.")
    async def predictions(
        self,
        info: Info[Context, None],
        perspective: strawberry.ID | None = None,
        theme: strawberry.ID | None = None,
        stance: Stance | None = None,
    ) -> list[Prediction]:
        p, t = _ids([perspective] if perspective else None), _ids([theme] if theme else None)
        rows, known = await _db(
            info.context.repository.predictions,
            p[0] if p else None,
            t[0] if t else None,
            stance.value if stance else None,
        )
        if not known:
            raise not_found("perspective or theme", [i for i in (p or []) + (t or [])])
        return [records.prediction(r) for r in rows]

    @strawberry.field(description="A prediction traced to its findings, studies and sources.")
    async def evidence_chain(
        self, info: Info[Context, None], prediction: strawberry.ID
    ) -> EvidenceChain:
        rows = await _db(
            info.context.repository.read, "get_evidence_chain", prediction=str(prediction)
        )
        if not rows:
            raise not_found("prediction", [str(prediction)])
        chain = rows[0]
        loaders = info.context.loaders
        finding_ids = sorted({x["finding"] for x in chain["linked"] + chain["thematic"]})
        findings = dict(zip(finding_ids, await loaders.finding.load_many(finding_ids), strict=True))
        documents = await _db(
            info.context.repository.read, "get_documents", iris=sorted(set(chain["documents"]))
        )
        return EvidenceChain(
            prediction=await loaders.prediction.load(str(prediction)),
            findings=assemble.evidence_items(chain, findings),
            documents=[records.document(d["row"]) for d in documents],
        )

    @strawberry.field(
        description="Evidence counts per perspective and theme (an evidence gap map)."
    )
    async def evidence_map(
        self,
        info: Info[Context, None],
        perspectives: list[strawberry.ID] | None = None,
        themes: list[strawberry.ID] | None = None,
    ) -> list[EvidenceMapCell]:
        wanted_p, wanted_t = _ids(perspectives), _ids(themes)
        rows = await _db(
            info.context.repository.read, "get_evidence_map", perspectives=wanted_p, themes=wanted_t
        )
        loaders = info.context.loaders
        await loaders.perspective.load_many(wanted_p or [])  # unknown ids raise NOT_FOUND
        await loaders.theme.load_many(wanted_t or [])
        cells = []
        for row in rows:
            cells.append(
                assemble.evidence_map_cell(
                    row,
                    await loaders.perspective.load(row["perspective"]),
                    await loaders.theme.load(row["theme"]),
                )
            )
        return cells

    @strawberry.field(description="The six factors of the expert panel, in the paper's order.")
    async def factors(self, info: Info[Context, None]) -> list[Factor]:
        rows = await _db(info.context.repository.read, "get_factors")
        return [assemble.factor(r["row"]) for r in rows]

    @strawberry.field(description="Categories, by factor and a minimum share of experts (0-1).")
    async def categories(
        self,
        info: Info[Context, None],
        factor: strawberry.ID | None = None,
        min_share: float | None = None,
    ) -> list[Category]:
        rows = await _db(
            info.context.repository.read,
            "get_categories",
            iris=None,
            factor=str(factor) if factor else None,
            minShare=min_share,
        )
        if factor is not None and (not rows or not rows[0]["known"]):
            known = await _db(info.context.repository.read, "get_resources", iris=[str(factor)])
            if not known:
                raise not_found("factor", [str(factor)])
        return [assemble.category(r["row"]) for r in rows]

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
        offset = assemble.decode_cursor(after)
        total, rows = await _db(
            info.context.repository.studies,
            search=search,
            yearFrom=year_from,
            yearTo=year_to,
            citedBy=str(cited_by) if cited_by else None,
            citedByAll=_ids(cited_by_all),
            skip=offset,
            limit=size,
        )
        edges = [
            StudyEdge(node=records.study(r), cursor=assemble.encode_cursor(offset + i))
            for i, r in enumerate(rows)
        ]
        return StudyConnection(
            edges=edges, page_info=assemble.page_info(offset, len(edges), total), total_count=total
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
        words = LUCENE_SPECIAL.sub(r"\\\1", text).strip()
        if not words:
            raise bad_input("text must contain a word")
        rows = await _db(info.context.repository.read, "search_nodes", text=words, limit=size)
        return [await _hit(info, row, text) for row in rows]

    @strawberry.field(description="Where a source disagrees with itself (optionally one document).")
    async def quality_notes(
        self, info: Info[Context, None], document: strawberry.ID | None = None
    ) -> list[QualityNote]:
        rows = await _db(
            info.context.repository.read,
            "get_quality_notes",
            document=str(document) if document else None,
        )
        if document is not None and not rows:
            raise not_found("document", [str(document)])
        return [assemble.quality_note(r["row"]) for r in rows]

    @strawberry.field(
        description="Implications, by kind, theme, factor (or its categories), document."
    )
    async def implications(
        self,
        info: Info[Context, None],
        kind: ImplicationKind | None = None,
        theme: strawberry.ID | None = None,
        factor: strawberry.ID | None = None,
        document: strawberry.ID | None = None,
    ) -> list[Implication]:
        filters = {"theme": theme, "factor": factor, "document": document}
        wanted = {k: str(v) if v is not None else None for k, v in filters.items()}
        rows = await _db(
            info.context.repository.read,
            "get_implications",
            kind=kind.value if kind else None,
            **wanted,
        )
        given = [v for v in wanted.values() if v is not None]
        if given and not rows:
            known = await _db(info.context.repository.read, "get_resources", iris=given)
            if len(known) < len(given):
                raise not_found("theme, factor or document", given)
        return [assemble.implication(r["row"]) for r in rows]

    @strawberry.field(description="The expert panel(s): size, selection, groups, method.")
    async def expert_panels(self, info: Info[Context, None]) -> list[ExpertPanel]:
        rows = await _db(info.context.repository.read, "get_expert_panel")
        return [assemble.expert_panel(r["row"]) for r in rows]


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


PARSED_QUERIES = 256  # distinct query texts kept parsed and validated (LRU, per process)


def build_schema() -> strawberry.Schema:
    settings = get_settings()
    # The limit rules are built once, so a validated document's cache key is stable.
    limits = [
        *QueryDepthLimiter(max_depth=settings.smekg_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.smekg_max_aliases).validation_rules,
    ]
    return strawberry.Schema(
        query=Query,
        types=[Finding],
        extensions=[
            lambda: AddValidationRules(limits),
            lambda: MaxTokensLimiter(max_token_count=settings.smekg_max_tokens),
            lambda: ParserCache(maxsize=PARSED_QUERIES),
            lambda: ValidationCache(maxsize=PARSED_QUERIES),
            masking_extension,
            UnavailableStatus,
        ],
    )


schema = build_schema()
