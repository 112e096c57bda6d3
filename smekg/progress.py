"""How long steps report progress without printing: a `Progress` the command line draws as
bars (commands/output.py) and library code calls; `SILENT` when nobody watches."""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class Step(Protocol):
    def advance(self, amount: int = 1) -> None: ...


class Progress(Protocol):
    def step(self, name: str, total: int | None = None) -> AbstractContextManager[Step]: ...


class _Quiet:
    def advance(self, amount: int = 1) -> None:
        return None


class _Silent:
    @contextmanager
    def step(self, name: str, total: int | None = None) -> Iterator[Step]:
        yield _Quiet()


SILENT: Progress = _Silent()
