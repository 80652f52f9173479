"""Pages set in two columns (a journal's paper, a 简报's inner pages) read column by
column: the left column's lines down the page, then the right column's, instead of
across both as the lines' heights alone would order them.

A page is in two columns where a gutter runs down its middle that few lines cross,
with lines of justified text on both sides: the left column's lines ending at one edge,
the right column's starting at one. A line that spans the gutter (a title, an abstract
set across the page) ends one band of columns and stands where it is. Each column line
carries its column's edges, so paragraphs are rebuilt within the column.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_reader import PdfLine

MIN_SIDE = 6  # lines on each side of a gutter, at least
MAX_CROSSING = 0.5  # share of a page's lines that may cross it (a title, an abstract)
ALIGNED = 0.6  # share of a column's lines at its edge (justified text)
STEP = 2.0  # pt between the gutter positions tried
MIN_WIDTH = 10  # characters a column of text is wide, at least


def columns(rows: list[PdfLine]) -> list[PdfLine]:
    """The page's lines in reading order (see the module's docstring)."""
    lines = [ln for ln in rows if ln.text.strip()]
    if len(lines) < 2 * MIN_SIDE:
        return rows
    gutter = _gutter(lines)
    if gutter is None:
        return rows
    lefts = [ln for ln in rows if ln.x1 <= gutter]
    rights = [ln for ln in rows if ln.x0 >= gutter]
    edges_l = (min(ln.x0 for ln in lefts), _high(ln.x1 for ln in lefts))
    edges_r = (min(ln.x0 for ln in rights), _high(ln.x1 for ln in rights))
    out: list[PdfLine] = []
    band_l: list[PdfLine] = []
    band_r: list[PdfLine] = []
    for ln in rows:
        if ln.x1 <= gutter:
            band_l.append(replace(ln, col_left=edges_l[0], col_right=edges_l[1]))
        elif ln.x0 >= gutter:
            band_r.append(replace(ln, col_left=edges_r[0], col_right=edges_r[1]))
        else:  # across the gutter: the band above is read, column by column
            out += band_l + band_r + [ln]
            band_l, band_r = [], []
    return out + band_l + band_r


def _gutter(lines: list[PdfLine]) -> float | None:
    """Where the gutter runs, or None for a page in one column."""
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    best: tuple[int, float] | None = None
    x = lo + 0.3 * (hi - lo)
    while x <= lo + 0.7 * (hi - lo):
        left = [ln for ln in lines if ln.x1 <= x]
        right = [ln for ln in lines if ln.x0 >= x]
        crossing = len(lines) - len(left) - len(right)
        if (
            len(left) >= MIN_SIDE
            and len(right) >= MIN_SIDE
            and crossing <= MAX_CROSSING * len(lines)
            and (best is None or crossing < best[0])
            and _justified(left, right)
        ):
            best = (crossing, x)
        x += STEP
    return best[1] if best else None


def _justified(left: list[PdfLine], right: list[PdfLine]) -> bool:
    """Whether both sides are columns of text: wide, most of their lines full (from
    the column's left edge to its right one). A form's labels and values, a table's two
    columns of cells, start together but end anywhere or are narrow."""
    return _column(left) and _column(right)


def _column(lines: list[PdfLine]) -> bool:
    start, end = min(ln.x0 for ln in lines), _high(ln.x1 for ln in lines)
    size = sorted(ln.size for ln in lines)[len(lines) // 2]
    full = sum(ln.x0 - start <= 2.5 * ln.size and abs(ln.x1 - end) <= 1.5 * ln.size for ln in lines)
    return end - start >= MIN_WIDTH * size and full >= ALIGNED * len(lines)


def _high(values: Iterable[float]) -> float:
    """The 90th percentile: the edge most full lines reach (a hanging mark passes it)."""
    ends = sorted(values)
    return ends[int(0.9 * (len(ends) - 1))]
