"""The layout's decisions that a word processor would make differently, recorded by the
layout when it has composed an issue, so that the DOCX writer carries them over as made
instead of working them out again from the drawn pages: each paragraph's line starts and
squeezed marks, each title line's squeezes, the paragraphs pages start with, the blank
lines before each paragraph and those dropped at a page top, the pictures' sizes, each
table's rows as set, and the 版记's rows.

The paragraph keys (``paragraph_key``) are the contract between the two: the layout files
each set line under one, the writer looks its paragraphs up by the same."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..template import Template
    from .boxes import LineInfo, Page
    from .linebreak import Line
    from .paginate import Slot

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
    row at the top of the table's part on each page, and whether the table begins a
    page."""

    headers: int
    rows: Mapping[int, int]
    split: frozenset[int]
    first: Mapping[tuple[int, int], int]
    tops: frozenset[int]
    page_top: bool


@dataclass(frozen=True)
class BanjiRow:
    """One row (paragraph) of the 版记 as set: what it holds, its lines, whether it spans
    the whole text width (责任编辑 and 联系方式 that fit on one row only so) or stands
    inset, and its first grid line."""

    kind: RowKind
    key: Key  # the paragraph key of its first line
    lines: Lines
    slot: int
    group: int = -1  # the recipient group's index, for a group row
    full_width: bool = False


@dataclass(frozen=True)
class Banji:
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
    page_tops: frozenset[Key] = frozenset()  # the paragraph each page starts with
    dropped: Mapping[int, int] = field(default_factory=dict)  # page → blanks dropped at its top
    blanks: Mapping[Key, BlankLines] = field(default_factory=dict)  # before each paragraph
    pictures: Mapping[tuple[int, int], Picture] = field(default_factory=dict)
    tables: Mapping[tuple[int, int], TableRows] = field(default_factory=dict)
    banji: Banji | None = None

    def lines(self, key: Key) -> Lines:
        """The paragraph's lines as set (none recorded: no starts, nothing squeezed)."""
        return self.paragraphs.get(key, _NONE)

    def blanks_before(self, key: Key) -> BlankLines:
        """The blank lines the flow holds right before the paragraph."""
        return self.blanks.get(key, _NO_BLANKS)

    def title_line(self, article: int, k: int) -> Mapping[int, float]:
        """The squeezes of the article's k-th title line (indices in that line)."""
        lines = self.titles.get(article, ())
        return lines[k] if k < len(lines) else {}


_NONE = Lines()
_NO_BLANKS = BlankLines()
_ROW_KINDS: dict[str, RowKind] = {
    "group": "group",
    "editors": "editors",
    "contact": "contact",
    "approval": "approval",
}


def record(
    t: Template,
    flow: list[Slot],
    pages_slots: list[list[Slot]],
    pages: list[Page],
    footer: list[tuple[str, Line, str]],
    unnumbered: int,
) -> Decisions:
    """The decisions of a composed issue: ``flow`` is its slots before pagination,
    ``pages_slots`` what pagination put on each page, ``pages`` the pages drawn,
    ``footer`` the 版记's (kind, line, align) top to bottom."""
    from .boxes import ImageBox  # the box tree holds the record: imported when made

    starts: dict[Key, set[int]] = {}
    squeezed: dict[Key, dict[int, float]] = {}
    titles: dict[int, list[Mapping[int, float]]] = {}
    pictures: dict[tuple[int, int], Picture] = {}
    for page in pages:
        images = []
        for ln in page.lines:
            if ln.role == "image":
                images.append(ln)
                continue
            key = paragraph_key(ln.role, ln.block, ln.cell)
            if key is None:
                continue
            if ln.role == "title":
                titles.setdefault(ln.block[0], []).append(dict(ln.squeezed))
            starts.setdefault(key, set()).add(ln.start)
            if ln.squeezed:
                squeezed.setdefault(key, {}).update(ln.squeezed)
        if images:  # each picture's box and its line are drawn together, in order
            boxes = [x for x in page.items if isinstance(x, ImageBox)]
            for box, ln in zip(boxes, images, strict=True):
                pictures[ln.block] = Picture(ln.x1 - ln.x0, box.height)
    paragraphs = {k: Lines(frozenset(v), squeezed.get(k, {})) for k, v in starts.items()}
    return Decisions(
        paragraphs=paragraphs,
        titles={a: tuple(v) for a, v in titles.items()},
        page_tops=_page_tops(pages_slots),
        dropped=_dropped(flow, pages_slots),
        blanks=_blank_lines(flow),
        pictures=pictures,
        tables=_tables(t, flow, pages),
        banji=_banji(t, pages_slots, pages, footer, unnumbered),
    )


def _page_tops(pages_slots: list[list[Slot]]) -> frozenset[Key]:
    """The paragraph each page starts with (a page starting with a table row starts
    with no paragraph of text): a heading before it is where pagination broke a run of
    headings kept together."""
    tops: set[Key] = set()
    for pslots in pages_slots:
        first = next((s for s in pslots if s.role != "blank"), None)
        if first is None or first.role == "table":
            continue
        key = _slot_key(first)
        if key is not None:
            tops.add(key)
    return frozenset(tops)


def _slot_key(slot: Slot) -> Key | None:
    """The paragraph a slot of the flow holds (a picture is the block it stands for)."""
    if slot.role == "image":
        return block_key(*slot.block)
    return paragraph_key(slot.role, slot.block)


def _blank_lines(flow: list[Slot]) -> dict[Key, BlankLines]:
    """Paragraph → the blank lines right before it in the flow (blank lines after the
    last paragraph belong to the space above the 版记)."""
    out: dict[Key, BlankLines] = {}
    kept = space = 0
    for s in flow:
        if s.role == "blank":
            if s.discard_at_top:
                space += 1
            else:
                kept += 1
            continue
        key = _slot_key(s)
        if key is not None and (kept or space):
            out[key] = BlankLines(kept, space)
        kept = space = 0
    return out


def _dropped(flow: list[Slot], pages_slots: list[list[Slot]]) -> dict[int, int]:
    """Page number → how many blank lines pagination dropped at its top."""
    page_of = {id(s): k + 1 for k, pslots in enumerate(pages_slots) for s in pslots}
    out: dict[int, int] = {}
    pending = 0
    for s in flow:
        if id(s) in page_of:
            if pending:
                out[page_of[id(s)]] = out.get(page_of[id(s)], 0) + pending
                pending = 0
        elif s.role == "blank" and s.discard_at_top:
            pending += 1
    return out


def _tables(t: Template, flow: list[Slot], pages: list[Page]) -> dict[tuple[int, int], TableRows]:
    """Each table block as the pages hold it."""
    headers = {
        x.geom.block: x.geom.headers for s in flow if (x := s.extra.get("table")) is not None
    }
    return {block: _table(t, pages, block, n) for block, n in headers.items()}


def _table(t: Template, pages: list[Page], block: tuple[int, int], headers: int) -> TableRows:
    g = t.geometry
    rows: dict[int, int] = {}
    split: set[int] = set()
    first: dict[tuple[int, int], int] = {}
    tops: set[int] = set()
    page_top = False
    parts: dict[int, list[tuple[int, int]]] = {}  # row → (page, its grid lines there)
    above: dict[tuple[int, int], int] = {}  # cell → its grid lines on pages before
    for page in pages:
        boxes = {(b.row, b.index): b for b in page.cells if b.block == block}
        if not boxes:
            continue
        top = min(boxes.values(), key=lambda b: (b.top, b.row))
        tops.add(top.row)
        if not parts and top.row == 0 and abs(top.top - g.top) < 0.01 and page.number > 1:
            page_top = True
        for ln in page.lines:
            if ln.role != "table" or ln.block != block or not ln.cell:
                continue
            key = (ln.cell[0], ln.cell[1])
            box = boxes.get(key)
            if box is not None and key not in first:
                # the cell's first line with text; the empty paragraphs before it
                # (one grid line each, none drawn) are the cell's too
                down = ln.slot - round((box.top - g.top) / g.pitch) - ln.cell[2]
                first[key] = max(0, above.get(key, 0) + down)
        for key, b in boxes.items():
            n = round((b.bottom - b.top) / g.pitch)
            above[key] = above.get(key, 0) + n
            on = parts.setdefault(b.row, []) if b.rowspan == 1 else None
            if on is not None and (not on or on[-1][0] != page.number):
                on.append((page.number, n))
    for row, on in parts.items():
        # a header row repeated on every page is the one row it is; a body row on
        # several pages is one row broken over them
        rows[row] = on[0][1] if row < headers else sum(n for _p, n in on)
        if len(on) > 1 and row >= headers:
            split.add(row)
    return TableRows(headers, rows, frozenset(split), first, frozenset(tops), page_top)


def _banji(
    t: Template,
    pages_slots: list[list[Slot]],
    pages: list[Page],
    footer: list[tuple[str, Line, str]],
    unnumbered: int,
) -> Banji | None:
    """The 版记's rows as the last page holds them: its lines were drawn in the order of
    ``footer``, one set line each."""
    if not footer or not pages:
        return None
    page = pages[-1]
    drawn = [ln for ln in page.lines if ln.role == "footer"]
    # (kind, recipient group, full width, its lines drawn): a row's lines in a run
    made: list[tuple[RowKind, int, bool, list[LineInfo]]] = []
    for (kind, line, _align), info in zip(footer, drawn, strict=True):
        what = _ROW_KINDS[kind]
        if what == "editors" and "full_width" in line.extra:  # 联系方式 on its row too
            what = "editors+contact"
        group = int(line.extra.get("group", -1))
        last = made[-1] if made else None
        if last is not None and last[:2] == (what, group) and what != "editors+contact":
            last[3].append(info)
        else:
            made.append((what, group, bool(line.extra.get("full_width")), [info]))
    rows = [
        BanjiRow(
            kind=what,
            key=("footer", *m[0].block),
            lines=Lines(frozenset(x.start for x in m), {k: v for x in m for k, v in x.squeezed}),
            slot=m[0].slot,
            group=group,
            full_width=full,
        )
        for what, group, full, m in made
    ]
    first_slot = min(r.slot for r in rows)
    # the grid lines its page's text takes (blank lines after the last paragraph are the
    # 版记's: no paragraph follows them)
    text = pages_slots[-1]
    end = max((k + 1 for k, s in enumerate(text) if s.role != "blank"), default=0)
    on_page = end + (int(t.rhythm["masthead_lines"]) if len(pages) == 1 else 0)
    label = t.labels["distribution"]
    st = t.styles["footer"]
    label_width = len(label) * st.size * t.geometry.cell / t.styles["body"].size
    if footer[0][0] == "group" and len(footer[0][1].glyphs) > len(label):
        label_width = footer[0][1].glyphs[len(label)].x
    return Banji(
        rows=tuple(rows),
        label_width=label_width,
        page=page.number,
        first_slot=first_slot,
        blanks_above=first_slot - on_page,
        own_page=not pages_slots[-1],
        unnumbered=unnumbered,
    )
