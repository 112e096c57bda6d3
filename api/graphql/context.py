"""What every resolver receives: the repository and per-request loaders, never the driver."""

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from api.data.repository import Repository
from api.graphql.loaders import Loaders


@dataclass
class Context(BaseContext):
    repository: Repository
    loaders: Loaders
