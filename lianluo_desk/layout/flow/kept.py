"""What one layout keeps for the next: set paragraphs, titles, notes, the 版记 and whole
pages. The app lays the issue out after every edit; a paragraph that did not change is
not shaped or broken again, a page that holds the very same items not drawn again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Kept:
    """Values by key; a layout uses what the last one made and drops what it did not ask
    for, so the cache holds only what the issue has."""

    def __init__(self) -> None:
        self._values: dict[tuple[object, ...], Any] = {}
        self._used: set[tuple[object, ...]] = set()
        self._fmt: tuple[object, ...] = ()

    def __len__(self) -> int:
        return len(self._values)

    def begin(self, fmt: tuple[object, ...]) -> None:
        """A layout starts in the format ``fmt`` (part of every key)."""
        self._used = set()
        self._fmt = fmt

    def clear(self) -> None:
        self._values.clear()

    def get(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """What ``make`` gives for ``key`` (which names all it depends on, the format
        in force aside), made only when the last layout did not make it."""
        key = key + self._fmt
        try:
            value: T = self._values[key]
        except KeyError:
            value = self._values[key] = make()
        self._used.add(key)
        return value

    def same(self, key: tuple[object, ...], held: list[Any], make: Callable[[], T]) -> T:
        """What ``make`` gives for ``key``, kept while ``held`` are the very same objects
        (compared by identity) as when it was made."""
        full = key + self._fmt
        kept = self._values.get(full)
        if kept is not None and all(a is b for a, b in zip(kept[0], held, strict=True)):
            self._used.add(full)
            return kept[1]
        self._values.pop(full, None)
        return self.get(key, lambda: (list(held), make()))[1]

    def end(self) -> None:
        """Drop what this layout did not use: paragraphs gone or changed."""
        for key in [k for k in self._values if k not in self._used]:
            del self._values[key]
