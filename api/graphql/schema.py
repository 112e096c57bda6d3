"""The GraphQL schema: the root-field groups of `api.graphql.roots` as one Query type, with
the query limits, document caches, error masking and outage status."""

import strawberry
from graphql import GraphQLError
from graphql.validation import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.types import ExecutionContext

from api.graphql.extensions import ErrorOutcomes
from api.graphql.plan.roots import Limits
from api.graphql.roots.documents import DocumentsQuery
from api.graphql.roots.evidence import EvidenceQuery
from api.graphql.roots.literature import LiteratureQuery
from api.graphql.roots.panel import PanelQuery
from api.graphql.roots.theory import TheoryQuery
from api.graphql.roots.versions import VersionsQuery
from api.graphql.types.entities import Finding
from smekg.settings import Settings, get_settings

PARSED_QUERIES = 256  # distinct query texts kept parsed and validated (LRU, per process)


@strawberry.type(name="Query")
class Query(TheoryQuery, EvidenceQuery, PanelQuery, LiteratureQuery, DocumentsQuery, VersionsQuery):
    """Every root field, in the order of the bases."""


def _limit_rules(settings: Settings) -> list[type[ASTValidationRule]]:
    return [
        *QueryDepthLimiter(max_depth=settings.smekg_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.smekg_max_aliases).validation_rules,
    ]


def plan_limits(settings: Settings) -> Limits:
    """The limits compiled requests obey: the schema's own (docs/decisions/0014)."""
    return Limits(_limit_rules(settings), settings.smekg_max_tokens, settings.smekg_max_table_cells)


class QuietSchema(strawberry.Schema):
    """Strawberry logs every error of every answer with its trace: an outage would flood the
    log with one trace per request, a fuzzer with one per typo. `ErrorOutcomes` logs what an
    operator must see (an unexpected error, with its trace and request id); nothing else is."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


def build_schema() -> strawberry.Schema:
    settings = get_settings()
    # The limit rules are built once, so a validated document's cache key is stable.
    limits = _limit_rules(settings)
    return QuietSchema(
        query=Query,
        types=[Finding],
        extensions=[
            lambda: AddValidationRules(limits),
            lambda: MaxTokensLimiter(max_token_count=settings.smekg_max_tokens),
            lambda: ParserCache(maxsize=PARSED_QUERIES),
            lambda: ValidationCache(maxsize=PARSED_QUERIES),
            ErrorOutcomes,
        ],
    )


schema = build_schema()
