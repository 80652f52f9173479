"""Tables on the grid: every line of cell text takes one grid line, so a row is a whole
number of grid lines high and the text after the table stays on the grid.

Cell text is set in the template's ``table`` style (else 仿宋 at the body size) with the
same line breaking as body text, without the first-line indent, inside the cell less
Word's default cell margins (which the DOCX states too). A table wider than the text
block is scaled to it. Rows paginate as Word's do: a row breaks over pages at any grid
line unless the draft forbids it (``w:cantSplit``) or a vertical merge covers it (then
its lines are one keep-together chain, moved whole to the next page when the space left
is short, and run over pages only when taller than one); the header rows are kept with
the first line of the row after them and, when the table continues on another page
(between rows or within one), repeated at its top (``flow/distribute.py`` does that,
from the fields this module sets on each row's grid lines). Rules as in 公文 tables:
1 pt round the table's part on each page, 0.5 pt between cells.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.issue import Block
from ..template import Geometry, Style
from .boxes import CellBox, Page, Rule
from .flow.items import FlowItem, Paragraphs, TableLine
from .linebreak import Line, Span

if TYPE_CHECKING:
    from ..model.table import Placed, Table
    from .flow.finalize import Painter
    from .flow.setting import Setting

PAD = 5.4  # pt left and right in a cell: Word's default cell margin (108 twips)
INNER = 0.5
OUTER = 1.0


@dataclass
class CellLines:
    cell: Placed
    x: float  # the cell's left edge
    width: float
    lines: list[tuple[Line | None, str, int]]  # (line, align, paragraph index)
    first: int = 0  # grid line of the row's top where its text begins (vertical centre)
    number: int = 0  # index in the table's ``cells``


@dataclass
class TableGeom:
    """One set table: column edges, the grid lines of each row, its cells' lines."""

    block: tuple[int, int]
    edges: list[float]  # x of each column boundary, left edge first
    heights: list[int]  # grid lines per row
    cells: list[CellLines]
    owner: list[list[int]]  # row → grid column → index into ``cells``
    headers: int  # leading header rows
    line_cells: dict[tuple[int, int], list[tuple[CellLines, Line | None, str, int]]] = field(
        default_factory=dict
    )  # (row, grid line in the row) → what is set on it
    top_cells: dict[tuple[int, int], list[tuple[CellLines, Line | None, str, int]]] = field(
        default_factory=dict
    )  # the same with every cell's text at its top, for cells broken over pages
    broken: set[int] = field(default_factory=set)  # cells this layout broke over pages


def table_style(s: Setting) -> Style:
    """The template's ``table`` style, else 仿宋 at the body size."""
    st = s.t.styles.get("table")
    return st if st is not None else Style("table", "fang", s.body.size)


def table_slots(
    s: Setting, paragraphs: Paragraphs, block: Block, where: tuple[int, int]
) -> list[FlowItem]:
    """A grid line of the flow for each line of each row; a row's number is its
    paragraph's (pagination keeps a lone line of a row as of a paragraph)."""
    t = block.table
    if t is None or not t.rows:
        return []
    geom = _set(s, t, where)
    slots: list[FlowItem] = []
    merged = _merged_rows(geom)
    for r, n in enumerate(geom.heights):
        para = paragraphs.next()
        whole = r < geom.headers or t.rows[r].cant_split or r in merged
        for k in range(n):
            last = k == n - 1
            slots.append(
                TableLine(
                    geom,
                    r,
                    k,
                    keep_with_next=(whole and not last) or r < geom.headers,
                    block=where,
                    para=para,
                    unsplittable=True,
                )
            )
    return slots


def _set(s: Setting, t: Table, where: tuple[int, int]) -> TableGeom:
    from ..model.table import placed  # imported by the issues that have a table

    g = s.g
    width = g.text_width * min(1.0, t.width)
    left = g.left + {"left": 0.0, "right": g.text_width - width}.get(
        t.align, (g.text_width - width) / 2
    )
    edges = [left]
    for w in t.widths:
        edges.append(edges[-1] + w * width)
    edges[-1] = left + width
    st = table_style(s)
    bold = dataclasses.replace(st, bold=True)
    cells: list[CellLines] = []
    owner = [[-1] * t.columns for _ in t.rows]
    for p in placed(t):
        cell = t.rows[p.row].cells[p.index]
        x0, x1 = edges[p.col], edges[p.col + p.colspan]
        inner = max(st.size, x1 - x0 - 2 * PAD)
        lines: list[tuple[Line | None, str, int]] = []
        for pi, para in enumerate(cell.paras):
            spans = [Span(r.text, bold if r.bold else st) for r in para.runs if r.text]
            set_ = s.set_par(spans, width=inner, justify=para.align == "justify") if spans else []
            align = para.align if para.align in ("center", "right") else "left"
            lines += [(ln, align, pi) for ln in set_] or [(None, align, pi)]
        cells.append(CellLines(p, x0, x1 - x0, lines, number=len(cells)))
        for r in range(p.row, p.row + p.rowspan):
            for col in range(p.col, p.col + p.colspan):
                owner[r][col] = len(cells) - 1
    heights = [1] * len(t.rows)
    for cl in cells:  # single rows first, then merged cells stretch their last row
        if cl.cell.rowspan == 1:
            heights[cl.cell.row] = max(heights[cl.cell.row], len(cl.lines))
    for cl in cells:
        p = cl.cell
        if p.rowspan > 1:
            have = sum(heights[p.row : p.row + p.rowspan])
            heights[p.row + p.rowspan - 1] += max(0, len(cl.lines) - have)
    headers = 0
    while headers < len(t.rows) - 1 and t.rows[headers].header:
        headers += 1
    geom = TableGeom(where, edges, heights, cells, owner, headers)
    for cl in cells:
        p = cl.cell
        span = [(r, k) for r in range(p.row, p.row + p.rowspan) for k in range(heights[r])]
        cl.first = (len(span) - len(cl.lines)) // 2
        for j, (ln, align, pi) in enumerate(cl.lines):
            geom.line_cells.setdefault(span[cl.first + j], []).append((cl, ln, align, pi))
            geom.top_cells.setdefault(span[j], []).append((cl, ln, align, pi))
    for v in (*geom.line_cells.values(), *geom.top_cells.values()):
        v.sort(key=lambda x: x[0].x)
    return geom


def set_on(geom: TableGeom, row: int, k: int) -> list[tuple[CellLines, Line | None, str, int]]:
    """What is set on grid line ``k`` of ``row``: a cell's text centred in its rows, or
    at their top when the cell is broken over pages, as a word processor sets a row it
    breaks (it would otherwise keep a cell's first line, spaced down, whole on one side
    and move the row; measured in LibreOffice)."""
    centred = geom.line_cells.get((row, k), [])
    if not geom.broken:
        return centred
    out = [x for x in centred if x[0].number not in geom.broken]
    out += [x for x in geom.top_cells.get((row, k), []) if x[0].number in geom.broken]
    return sorted(out, key=lambda x: x[0].x)


def _merged_rows(geom: TableGeom) -> set[int]:
    """Rows a vertically merged cell covers: LibreOffice never breaks such a row (it moves
    it whole to the next page, measured), so the layout does not either; the rows a merge
    joins may still go to different pages, as in both word processors."""
    out: set[int] = set()
    for cl in geom.cells:
        if cl.cell.rowspan > 1:
            out.update(range(cl.cell.row, cl.cell.row + cl.cell.rowspan))
    return out


def place_line(p: Painter, page: Page, tl: TableLine, index: int) -> None:
    """The text of the cells on one grid line of a row, left to right."""
    for cl, ln, align, pi in set_on(tl.geom, tl.row, tl.k):
        if ln is None:
            continue
        size = max((gl.style.size for gl in ln.glyphs), default=p.s.body.size)
        p.put_line(
            page,
            ln,
            "table",
            p.baseline(index, size),
            align,
            index,
            tl.block,
            cl.x + PAD,
            cl.width - 2 * PAD,
        )
        page.lines[-1].cell = (cl.cell.row, cl.cell.index, pi)


def draw_rules(g: Geometry, page: Page, slots: list[FlowItem], first_slot: int) -> None:
    """Rules and cell frames of each table's part on the page: 1 pt round it, 0.5 pt
    between cells that are not merged."""
    parts: list[list[tuple[TableLine, float]]] = []  # per table part: (line, top y)
    prev: TableGeom | None = None
    for si, tl in enumerate(slots):
        if not isinstance(tl, TableLine):
            prev = None
            continue
        if tl.geom is not prev:
            parts.append([])
        parts[-1].append((tl, g.top + (first_slot + si) * g.pitch))
        prev = tl.geom
    for part in parts:
        _frame(page, part, g.pitch)


def _frame(page: Page, part: list[tuple[TableLine, float]], pitch: float) -> None:
    geom = part[0][0].geom
    bands: list[list[float]] = []  # [row, top, bottom] of each row on the page
    for tl, top in part:
        if bands and bands[-1][0] == tl.row and tl.k > 0:
            bands[-1][2] = top + pitch
        else:
            bands.append([tl.row, top, top + pitch])
    left, right = geom.edges[0], geom.edges[-1]
    top, bottom = bands[0][1], bands[-1][2]
    ncols = len(geom.edges) - 1
    for a, b in zip(bands, bands[1:], strict=False):
        ra, rb = int(a[0]), int(b[0])
        _pieces(
            page,
            [geom.owner[ra][col] != geom.owner[rb][col] or rb != ra + 1 for col in range(ncols)],
            geom.edges,
            a[2],
        )
    for row, y0, y1 in bands:
        r = int(row)
        for j in range(1, ncols):
            if geom.owner[r][j - 1] != geom.owner[r][j]:
                page.items.append(Rule(geom.edges[j], y0, y1 - y0, INNER, vertical=True))
    half = OUTER / 2
    page.items.append(Rule(left - half, top, right - left + OUTER, OUTER))
    page.items.append(Rule(left - half, bottom, right - left + OUTER, OUTER))
    page.items.append(Rule(left, top, bottom - top, OUTER, vertical=True))
    page.items.append(Rule(right, top, bottom - top, OUTER, vertical=True))
    seen: dict[int, CellBox] = {}
    for row, y0, y1 in bands:
        for col in range(ncols):
            k = geom.owner[int(row)][col]
            cl = geom.cells[k]
            box = seen.get(k)
            if box is None:
                seen[k] = box = CellBox(
                    cl.x,
                    y0,
                    cl.x + cl.width,
                    y1,
                    geom.block,
                    cl.cell.row,
                    cl.cell.index,
                    cl.cell.rowspan,
                )
                page.cells.append(box)
            box.bottom = max(box.bottom, y1)


def _pieces(page: Page, ruled: list[bool], edges: list[float], y: float) -> None:
    """A horizontal inner rule at ``y`` over the columns marked, joined where adjacent."""
    col = 0
    while col < len(ruled):
        if not ruled[col]:
            col += 1
            continue
        end = col
        while end + 1 < len(ruled) and ruled[end + 1]:
            end += 1
        page.items.append(Rule(edges[col], y, edges[end + 1] - edges[col], INNER))
        col = end + 1
