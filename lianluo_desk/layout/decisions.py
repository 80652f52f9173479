"""The layout's decisions that a word processor would make differently, recorded by the
layout when it has composed an issue, so that the DOCX writer carries them over as made
instead of working them out again from the drawn pages: each paragraph's line starts and
squeezed marks, each title line's text and squeezes, the paragraphs pages start with, the blank
lines before each paragraph and those dropped at a page top, the pictures' sizes, each
table's rows as set, and the 版记's rows.

The paragraph keys (``paragraph_key``) are the contract between the two: the layout files
each set line under one, the writer looks its paragraphs up by the same."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

# ("block", article, block), ("note", article), ("title", article), ("subtitle", article),
# ("footer", -2, recipient group) or ("footer", -3, grid line) for the 版记's lines, and
# ("cell", article, block, row, cell, paragraph) for a table cell's paragraph; the
# issue's own 编者按 is article -1
Key = tuple[str | int, ...]

# what a 版记 row holds: a recipient group (送：…), 责任编辑, 联系方式, the two on one
# row, or the 批准文号
RowKind = Literal["group", "editors", "contact", "editors+contact", "approval"]


def block_key(article: int, block: int) -> Key:
    """A block of an article: a paragraph, heading, 署名, or a picture's caption."""
    return ("block", article, block)


def note_key(article: int) -> Key:
    """The 编者按 of an article, or of the issue when ``article`` is -1."""
    return ("note", article)


def title_key(article: int) -> Key:
    return ("title", article)


def subtitle_key(article: int) -> Key:
    return ("subtitle", article)


def cell_key(article: int, block: int, row: int, cell: int, para: int) -> Key:
    """Paragraph ``para`` of cell ``cell`` in row ``row`` of a table block."""
    return ("cell", article, block, row, cell, para)


def paragraph_key(role: str, block: tuple[int, int], cell: tuple[int, ...] = ()) -> Key | None:
    """Which paragraph of the model a set line belongs to (None for the masthead, folios
    and pictures, which are no paragraph of text)."""
    ai, bi = block
    if cell:  # a table cell's paragraph is a paragraph of its own
        return ("cell", ai, bi, *cell)
    if role == "note":
        return note_key(ai)
    if role in ("title", "subtitle"):
        return (role, ai)
    if role == "footer":
        return ("footer", ai, bi)
    if bi >= 0 and role not in ("masthead", "folio", "image"):
        return block_key(ai, bi)
    return None


@dataclass(frozen=True)
class Lines:
    """A paragraph's lines as set: the character indices (in the paragraph) that start a
    line, and (character index, pt) of each glyph set narrower than its advance (wider:
    negative)."""

    starts: frozenset[int] = frozenset()
    squeezed: Mapping[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class BlankLines:
    """The blank grid lines the flow holds right before a paragraph: those kept with it
    wherever it falls, and those a page top drops (space above a title or heading)."""

    kept: int = 0
    space: int = 0


@dataclass(frozen=True)
class Picture:
    """A picture as set, in pt: one taller than a page is set smaller than its size."""

    width: float
    height: float


@dataclass(frozen=True)
class TableRows:
    """One table as set: its leading header rows (repeated on each page it continues
    on), grid lines per row (a row broken over pages counted whole), the body rows broken
    over pages, per cell how many grid lines down its text begins, the
    row at the top of the table's part on each page, whether the table begins a
    page, and the broken rows begun below a page's top (a word processor moves a row it
    may not break to the next page, where the layout broke one kept with a heading)."""

    headers: int
    rows: Mapping[int, int]
    split: frozenset[int]
    first: Mapping[tuple[int, int], int]
    tops: frozenset[int]
    page_top: bool
    begun_low: frozenset[int] = frozenset()


@dataclass(frozen=True)
class BanjiRow:
    """One row (paragraph) of the 版记 as set: what it holds, its lines, whether it spans
    the whole text width (责任编辑 and 联系方式 that fit on one row only so) or stands
    inset, by how much (pt from each side of the text block; its wrapped lines too),
    and its first grid line."""

    kind: RowKind
    key: Key  # the paragraph key of its first line
    lines: Lines
    slot: int
    group: int = -1  # the recipient group's index, for a group row
    full_width: bool = False
    inset: float = 0.0


@dataclass(frozen=True)
class BanjiLayout:
    """The 版记 as set: its rows top to bottom, where the text after 送： begins (the
    wrapped lines of the groups align there), its page, its first grid line, the blank
    lines left between the text and it, whether it stands on a page with no text, and how
    many last pages carry no page number."""

    rows: tuple[BanjiRow, ...]
    label_width: float
    page: int
    first_slot: int
    blanks_above: int
    own_page: bool
    unnumbered: int


@dataclass(frozen=True)
class Decisions:
    """All the layout decided for one issue that the DOCX carries over."""

    paragraphs: Mapping[Key, Lines] = field(default_factory=dict)
    titles: Mapping[int, tuple[Mapping[int, float], ...]] = field(default_factory=dict)
    # article → the text of each of its title's lines as set, top to bottom: where the
    # layout broke the title (the editor's breaks, long lines balanced)
    title_texts: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    page_tops: frozenset[Key] = frozenset()  # the paragraph each page starts with
    dropped: Mapping[int, int] = field(default_factory=dict)  # page → blanks dropped at its top
    blanks: Mapping[Key, BlankLines] = field(default_factory=dict)  # before each paragraph
    pictures: Mapping[tuple[int, int], Picture] = field(default_factory=dict)
    tables: Mapping[tuple[int, int], TableRows] = field(default_factory=dict)
    banji: BanjiLayout | None = None

    def lines(self, key: Key) -> Lines:
        """The paragraph's lines as set (none recorded: no starts, nothing squeezed)."""
        return self.paragraphs.get(key, _NONE)

    def blanks_before(self, key: Key) -> BlankLines:
        """The blank lines the flow holds right before the paragraph."""
        return self.blanks.get(key, _NO_BLANKS)

    def title_lines(self, article: int) -> tuple[str, ...]:
        """The article's title lines as set (none recorded: no title)."""
        return self.title_texts.get(article, ())

    def title_line(self, article: int, k: int) -> Mapping[int, float]:
        """The squeezes of the article's k-th title line (indices in that line)."""
        lines = self.titles.get(article, ())
        return lines[k] if k < len(lines) else {}


_NONE = Lines()
_NO_BLANKS = BlankLines()
