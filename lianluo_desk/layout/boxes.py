"""The box tree: what layout produces and painters draw. Coordinates in pt, y downwards
from the page's top edge; ``y`` of a glyph run is its baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .decisions import Decisions


@dataclass(slots=True)  # thousands per issue: no dict each
class GlyphRun:
    """Glyphs of one font drawn from (x, y); each advances by its font width + char_space."""

    x: float
    y: float
    text: str
    font: str
    size: float
    char_space: float = 0.0
    color: str = "#000000"
    bold: float = 0.0  # outline stroke width for faux bold, 0 for none


@dataclass(slots=True)
class Rule:
    x: float
    y: float  # centre line of the rule
    width: float
    thickness: float
    color: str = "#000000"
    vertical: bool = False  # drawn down from (x, y) over ``width`` (a table's column rule)

    @property
    def end(self) -> tuple[float, float]:
        return (self.x, self.y + self.width) if self.vertical else (self.x + self.width, self.y)


@dataclass(slots=True)
class ImageBox:
    x: float
    y: float  # top edge
    width: float
    height: float
    path: str


@dataclass(slots=True)  # thousands per issue: no dict each
class LineInfo:
    """What tests and the preview need to know about a set line."""

    role: str  # body, title, subtitle, note, heading1..4, byline, masthead, footer, folio
    text: str
    x0: float  # left edge of the first glyph's advance
    x1: float  # right edge of the last glyph's advance
    baseline: float
    slot: int  # grid line index on the page (-1 for off-grid items)
    block: tuple[int, int] = (-1, -1)  # (article, block) index, for the editor
    justified: bool = False
    # (character index in the paragraph, pt taken off its nominal advance) of each glyph
    # set narrower (compressed marks, tightened lines), or wider (negative) on a line that
    # ends early to keep a lone character company: the DOCX carries them so a word
    # processor fits the same characters on the line
    squeezed: tuple[tuple[int, float], ...] = ()
    start: int = 0  # character index in the paragraph of the line's first glyph
    # a table cell's line: (row, cell index in the row, paragraph index in the cell)
    cell: tuple[int, ...] = ()


@dataclass(slots=True)
class CellBox:
    """A drawn table cell's frame, for the editor and for tests reading the PDF back."""

    x0: float
    top: float
    x1: float
    bottom: float
    block: tuple[int, int]
    row: int
    index: int  # the cell's index in its row
    rowspan: int = 1


@dataclass
class Page:
    number: int
    width: float
    height: float
    # no folio: the blank page before a 版记 page and that page (GB/T 9704 §7.5)
    numbered: bool = True
    items: list[GlyphRun | Rule | ImageBox] = field(default_factory=list)
    lines: list[LineInfo] = field(default_factory=list)
    cells: list[CellBox] = field(default_factory=list)


@dataclass
class Document:
    pages: list[Page]
    title: str = ""
    author: str = ""
    subject: str = ""
    fonts: dict[str, str] = field(default_factory=dict)  # pdf font name → file path
    # the issue's date (ISO), the archival formats' creation date: never the clock's
    date: str = ""
    # font name → the 公文 family its role asks for (仿宋_GB2312, 方正小标宋简体…), for
    # readers that take a family name to substitute an installed font
    families: dict[str, str] = field(default_factory=dict)
    report: dict = field(default_factory=dict)
    # what the layout decided that a word processor would decide otherwise (the DOCX)
    decisions: Decisions = field(default_factory=Decisions)
