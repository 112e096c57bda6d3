"""Per-request DataLoaders: every relation field is one batched query per level, not per item."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from strawberry.dataloader import DataLoader

from api.data.repository import Repository, Row
from api.graphql.errors import not_found
from api.graphql.mapping import assemble, records
from api.graphql.types.composites import Category
from api.graphql.types.entities import Finding, Perspective, Prediction, Study, Theme

T = TypeVar("T")


def _by_iri(
    repository: Repository,
    kind: str,
    fetch: Callable[[Repository, list[str]], Awaitable[list[Row]]],
    build: Callable[[Row], T],
) -> DataLoader[str, T]:
    async def load(keys: list[str]) -> list[T | BaseException]:
        rows = await fetch(repository, list(keys))
        found = {row["iri"]: build(row) for row in rows}
        return [found[key] if key in found else not_found(kind, [key]) for key in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    perspective: DataLoader[str, Perspective]
    theme: DataLoader[str, Theme]
    prediction: DataLoader[str, Prediction]
    study: DataLoader[str, Study]
    finding: DataLoader[str, Finding]
    category: DataLoader[str, Category]

    @classmethod
    def for_request(cls, repository: Repository) -> "Loaders":
        return cls(
            perspective=_by_iri(
                repository, "perspective", Repository.perspectives_by_iri, records.perspective
            ),
            theme=_by_iri(repository, "theme", Repository.themes_by_iri, records.theme),
            prediction=_by_iri(
                repository, "prediction", Repository.predictions_by_iri, records.prediction
            ),
            study=_by_iri(repository, "study", Repository.studies_by_iri, records.study),
            finding=_by_iri(repository, "finding", Repository.findings_by_iri, records.finding),
            category=_by_iri(
                repository, "category", Repository.categories_by_iri, assemble.category
            ),
        )
