"""What every resolver receives: the repository, never the driver."""

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from api.repository import Repository


@dataclass
class Context(BaseContext):
    repository: Repository
