"""Progress reporting without printing: the library takes a ``track`` function, the CLI passes a rich one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")


class Track(Protocol):
    """Wrap an iterable so the caller can show progress, like ``rich.progress.track``."""

    def __call__(self, items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]: ...


def no_track(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """The default ``Track``: report nothing."""
    yield from items
