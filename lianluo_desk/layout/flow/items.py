"""What the flow's phases pass on: one typed item per grid line, of a closed set — a line
of text (``TextLine``), a grid line of a table's row (``TableLine``), a grid line of a
picture (``PictureLine``), a blank (``Blank``); the 版记's lines (``banji.BanjiLine``) are
set apart, on the page pagination chooses for them. What pagination needs to know of an
item are fields every kind shares (``Item``): kept with the next, dropped at a page top,
never split, its paragraph; a paragraph's first line of text carries its offer to be set
one line shorter. The phases tell the kinds apart by their type, never by a string."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from ..linebreak import Line

if TYPE_CHECKING:
    from ..table import TableGeom


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
    reference to the composer: the composer keeps these items, and a cycle through it
    would leave every glyph of the issue to the cyclic collector."""

    count: int  # the paragraph's lines as set
    # the lines one shorter, or as set when compression cannot save a line; made on
    # pagination's first request (None: the paragraph cannot be set shorter at all)
    make: Callable[[], list[Line]] | None = None
    slots: list[TextLine] | None = None  # the items of those lines, made once


@dataclass(frozen=True, kw_only=True)
class Item:
    """What pagination reads of any grid line of the flow. Items are never changed once
    made (frozen): a page is kept between layouts for the very same items."""

    keep_with_next: bool = False
    discard_at_top: bool = False  # vanishes at the top of a page (space above a heading)
    block: tuple[int, int] = (-1, -1)
    para: int = -1  # paragraph id for widow/orphan decisions (a table's row is one)
    unsplittable: bool = False  # its keep-together chain never breaks over pages


@dataclass(frozen=True)
class TextLine(Item):
    """A set line of text: a note's, a title's, a heading's, a paragraph's, a byline's or
    a caption's, drawn as ``role`` (the box tree's name for it)."""

    role: str
    line: Line
    align: str = "left"  # left (with the line's indent), center, right
    shorter: Shorter | None = None  # on a paragraph's first line of two or more


@dataclass(frozen=True)
class TableLine(Item):
    """Grid line ``k`` of a table's ``row``; what is set on it is the table's
    (``table.set_on``)."""

    geom: TableGeom
    row: int
    k: int
    repeat: bool = False  # a header row repeated on a continuation page


@dataclass(frozen=True)
class PictureLine(Item):
    """Grid line ``k`` of a picture's ``picture.lines``; the picture is drawn from its
    first."""

    picture: Picture
    k: int = 0


@dataclass(frozen=True)
class Blank(Item):
    """A blank grid line: space above a title or a heading, or under a title."""


FlowItem: TypeAlias = TextLine | TableLine | PictureLine | Blank
"""The closed set of the flow's items: every phase handles each of these kinds."""

KINDS: tuple[type[Item], ...] = (TextLine, TableLine, PictureLine, Blank)


class Paragraphs:
    """Numbers the flow's paragraphs (a table's row counts as one): pagination tells
    a paragraph's lines by their number. Numbers only grow, also between layouts, so a
    kept paragraph's number is never given to another."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return self.count
