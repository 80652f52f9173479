"""The finalize phase's last step: the record of what the layout decided
(``layout/decisions.py``), read off the flow, the pages as distributed and as drawn."""

from __future__ import annotations

from collections.abc import Mapping

from ...template import Template
from ..banji import BanjiLine, inset
from ..boxes import ImageBox, LineInfo, Page
from ..decisions import (
    BanjiLayout,
    BanjiRow,
    BlankLines,
    Decisions,
    Key,
    Lines,
    Picture,
    RowKind,
    TableRows,
    block_key,
    paragraph_key,
)
from .items import Blank, FlowItem, PictureLine, TableLine, TextLine


def record(
    t: Template,
    flow: list[FlowItem],
    pages_slots: list[list[FlowItem]],
    pages: list[Page],
    footer: list[BanjiLine],
    unnumbered: int,
) -> Decisions:
    """The decisions of a composed issue: ``flow`` is its slots before pagination,
    ``pages_slots`` what pagination put on each page, ``pages`` the pages drawn,
    ``footer`` the 版记's (kind, line, align) top to bottom."""
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
        title_texts=_title_texts(pages),
        page_tops=_page_tops(pages_slots),
        dropped=_dropped(flow, pages_slots),
        blanks=_blank_lines(flow),
        pictures=pictures,
        tables=_tables(t, flow, pages),
        banji=_banji(t, pages_slots, pages, footer, unnumbered),
    )


def _title_texts(pages: list[Page]) -> dict[int, tuple[str, ...]]:
    """Article → the text of its title's lines as drawn, top to bottom."""
    out: dict[int, list[str]] = {}
    for page in pages:
        for ln in page.lines:
            if ln.role == "title":
                out.setdefault(ln.block[0], []).append(ln.text)
    return {a: tuple(v) for a, v in out.items()}


def _row_inset(t: Template, full_width: bool) -> float:
    """pt a 版记 row stands in from each side of the text block: the block's inset, or
    none for a row set across the text width."""
    return 0.0 if full_width else inset(t)


def _page_tops(pages_slots: list[list[FlowItem]]) -> frozenset[Key]:
    """The paragraph each page starts with (a page starting with a table row starts
    with no paragraph of text): a heading before it is where pagination broke a run of
    headings kept together."""
    tops: set[Key] = set()
    for pslots in pages_slots:
        first = next((s for s in pslots if not isinstance(s, Blank)), None)
        if not isinstance(first, TextLine | PictureLine):
            continue  # an empty page, or one starting with a table's row
        key = _slot_key(first)
        if key is not None:
            tops.add(key)
    return frozenset(tops)


def _slot_key(item: FlowItem) -> Key | None:
    """The paragraph an item of the flow holds (a picture or a table's grid line is the
    block it stands for)."""
    if isinstance(item, PictureLine | TableLine):
        return block_key(*item.block)
    if isinstance(item, TextLine):
        return paragraph_key(item.role, item.block)
    return None


def _blank_lines(flow: list[FlowItem]) -> dict[Key, BlankLines]:
    """Paragraph → the blank lines right before it in the flow (blank lines after the
    last paragraph belong to the space above the 版记)."""
    out: dict[Key, BlankLines] = {}
    kept = space = 0
    for s in flow:
        if isinstance(s, Blank):
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


def _dropped(flow: list[FlowItem], pages_slots: list[list[FlowItem]]) -> dict[int, int]:
    """Page number → how many blank lines pagination dropped at its top."""
    page_of = {id(s): k + 1 for k, pslots in enumerate(pages_slots) for s in pslots}
    out: dict[int, int] = {}
    pending = 0
    for s in flow:
        if id(s) in page_of:
            if pending:
                out[page_of[id(s)]] = out.get(page_of[id(s)], 0) + pending
                pending = 0
        elif isinstance(s, Blank) and s.discard_at_top:
            pending += 1
    return out


def _tables(
    t: Template, flow: list[FlowItem], pages: list[Page]
) -> dict[tuple[int, int], TableRows]:
    """Each table block as the pages hold it."""
    headers = {s.geom.block: s.geom.headers for s in flow if isinstance(s, TableLine)}
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
    low: set[int] = set()  # rows begun below the page's top (header rows aside)
    for page in pages:
        boxes = {(b.row, b.index): b for b in page.cells if b.block == block}
        if not boxes:
            continue
        heads = [b for b in boxes.values() if b.row < headers]
        start = g.top
        if heads:
            start += max(b.bottom for b in heads) - min(b.top for b in heads)
        for b in boxes.values():
            if b.row >= headers and b.rowspan == 1 and b.row not in parts and b.top > start + 0.01:
                low.add(b.row)
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
    begun_low = frozenset(split & low)
    return TableRows(headers, rows, frozenset(split), first, frozenset(tops), page_top, begun_low)


def _banji(
    t: Template,
    pages_slots: list[list[FlowItem]],
    pages: list[Page],
    footer: list[BanjiLine],
    unnumbered: int,
) -> BanjiLayout | None:
    """The 版记's rows as the last page holds them: its lines were drawn in the order of
    ``footer``, one set line each."""
    if not footer or not pages:
        return None
    page = pages[-1]
    drawn = [ln for ln in page.lines if ln.role == "footer"]
    # (kind, recipient group, full width, its lines drawn): a row's lines in a run
    made: list[tuple[RowKind, int, bool, list[LineInfo]]] = []
    for b, info in zip(footer, drawn, strict=True):
        what = b.kind
        group = -1 if b.group is None else b.group
        last = made[-1] if made else None
        if last is not None and last[:2] == (what, group) and what != "editors+contact":
            last[3].append(info)
        else:
            made.append((what, group, b.full_width, [info]))
    rows = [
        BanjiRow(
            kind=what,
            key=("footer", *m[0].block),
            lines=Lines(frozenset(x.start for x in m), {k: v for x in m for k, v in x.squeezed}),
            slot=m[0].slot,
            group=group,
            full_width=full,
            inset=_row_inset(t, full),
        )
        for what, group, full, m in made
    ]
    first_slot = min(r.slot for r in rows)
    # the grid lines its page's text takes (blank lines after the last paragraph are the
    # 版记's: no paragraph follows them)
    text = pages_slots[-1]
    end = max((k + 1 for k, s in enumerate(text) if not isinstance(s, Blank)), default=0)
    on_page = end + (int(t.rhythm["masthead_lines"]) if len(pages) == 1 else 0)
    label = t.labels["distribution"]
    st = t.styles["footer"]
    label_width = len(label) * st.size * t.geometry.cell / t.styles["body"].size
    if footer[0].kind == "group" and len(footer[0].line.glyphs) > len(label):
        label_width = footer[0].line.glyphs[len(label)].x
    return BanjiLayout(
        rows=tuple(rows),
        label_width=label_width,
        page=page.number,
        first_slot=first_slot,
        blanks_above=first_slot - on_page,
        own_page=not pages_slots[-1],
        unnumbered=unnumbered,
    )
