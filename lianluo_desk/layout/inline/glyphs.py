"""What the inline phases pass on: spans of styled text, shaped glyphs, the
clusters that never split, and the lines they are set into."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...template import Style
from ..fonts import Face


@dataclass
class Span:
    text: str
    style: Style


@dataclass(slots=True)  # some 16,000 per issue, read in every loop of the breaker
class Glyph:
    ch: str
    face: Face
    style: Style
    adv: float  # nominal advance in pt: the cell for CJK, the font advance otherwise
    natural: float  # the font's own advance at this size
    cjk: bool
    space: bool = False
    x: float = 0.0  # position in the line, set by the breaker
    width: float = 0.0  # advance actually used (after compression / justification)
    squeeze: float = 0.0  # pt taken off (compression)
    shift: float = 0.0  # pt the glyph is drawn left of x (left-blank compression)
    autospace: float = 0.0  # pt of ``adv`` that is space before a Latin/hanzi neighbour
    pair: float = 0.0  # pt always taken off: the blank half next to an adjacent mark
    pair_left: bool = False  # that half is on the left (an opening mark after another)
    index: int = 0  # position of the character in the paragraph's text (all spans)
    hard: bool = False  # a forced line break ("\n") stands before it: a line starts here


class Cluster:
    """Glyphs that never split. Width and end characters are read many times while a
    paragraph is broken and never change once shaped, so they are worked out once."""

    __slots__ = ("glyphs", "width", "first", "last", "space")

    def __init__(self, glyphs: list[Glyph]) -> None:
        self.glyphs = glyphs
        g = glyphs[0]
        if len(glyphs) == 1:  # most clusters: one hanzi or mark
            self.width: float = g.adv - g.pair
            self.first = self.last = g.ch
            self.space: bool = g.space
            return
        self.width = sum(g.adv - g.pair for g in glyphs)
        self.first = g.ch
        self.last = glyphs[-1].ch
        self.space = all(g.space for g in glyphs)


# a glyph run relative to its line's origin: (dx, text, font, size, char_space, color, bold)
RunSpec = tuple[float, str, str, float, float, str, float]


@dataclass(slots=True)
class Drawn:
    """What placing a set line works out once and keeps: a set line never changes, and a
    kept paragraph's lines are placed again after every edit."""

    size: float | None = None  # the line's largest type size, which sets its baseline
    text: str | None = None  # the line's characters
    squeezed: tuple[tuple[int, float], ...] = ()  # see ``LineInfo.squeezed``
    start: int = 0  # character index in the paragraph of the line's first glyph
    runs: list[RunSpec] | None = None  # its glyph runs


@dataclass
class Line:
    glyphs: list[Glyph]
    indent: float  # pt from the text block's left edge to the first glyph
    width: float  # pt from the first glyph's x to the end of the last glyph's advance
    justified: bool
    last: bool = False  # last line of its paragraph
    compressed: int = 0  # marks compressed on this line
    forced: bool = False  # ends at a forced line break (Shift+Enter)
    # pt of the cluster this line gave to the paragraph's last line so that it does not
    # hold one character alone (0: none): its justification is part of the decision
    kept_spread: float = 0.0
    drawn: Drawn = field(default_factory=Drawn, compare=False, repr=False)

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)
