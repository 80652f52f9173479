"""What the flow's phases pass on: one typed item per grid line (a line of text, a grid
line of a table's row or of a picture, a blank), with what pagination needs to know of
it as fields: kept with the next, dropped at a page top, never split, the paragraph's
offer to be set one line shorter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..linebreak import Line

if TYPE_CHECKING:
    from ..table import TableLine


@dataclass(frozen=True)
class Picture:
    """A picture on whole grid lines, centred, at most the text width."""

    path: str
    width: float  # pt
    height: float  # pt
    lines: int  # grid lines it takes


@dataclass(eq=False)
class Shorter:
    """A paragraph's offer to pagination: its lines set one line shorter (punctuation
    compressed), asked for to keep a lone line off a page top or bottom. It holds no
    reference to the composer: the composer keeps these slots, and a cycle through it
    would leave every glyph of the issue to the cyclic collector."""

    count: int  # the paragraph's lines as set
    # the lines one shorter, or as set when compression cannot save a line; made on
    # pagination's first request (None: the paragraph cannot be set shorter at all)
    make: Callable[[], list[Line]] | None = None
    slots: list[Slot] | None = None  # the slots of those lines, made once


@dataclass
class Slot:
    """One grid line of the flow: a line of text (``line``), a grid line of a table's
    row (``table``), of a picture (``picture`` on its first), or a blank (none)."""

    role: str
    line: Line | None = None  # None for a blank line, a table's or a picture's grid line
    align: str = "left"  # left (with the line's indent), center, right
    keep_with_next: bool = False
    discard_at_top: bool = False  # blank lines vanish at the top of a page
    block: tuple[int, int] = (-1, -1)
    para: int = -1  # paragraph id for widow/orphan decisions
    unsplittable: bool = False  # its keep-together chain never breaks over pages
    shorter: Shorter | None = None  # on a paragraph's first line of two or more
    table: TableLine | None = None
    picture: Picture | None = None  # on the picture's first grid line


class Paragraphs:
    """Numbers the flow's paragraphs (a table's row counts as one): pagination tells
    a paragraph's lines by their number. Numbers only grow, also between layouts, so a
    kept paragraph's number is never given to another."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return self.count
