"""What every resolver receives: the repository and per-request loaders, never the driver."""

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from api.loaders import Loaders
from api.repository import Repository


@dataclass
class Context(BaseContext):
    repository: Repository
    loaders: Loaders
