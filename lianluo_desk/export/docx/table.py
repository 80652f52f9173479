"""A table block as a real ``w:tbl``: width (``w:tblW``) and grid columns
(``w:tblGrid``/``w:gridCol``, where WPS takes the widths from), cell widths, spans and
vertical merges, leading header rows repeated (``w:tblHeader``), rows that do not split
(``w:cantSplit``), borders as the PDF rules them (1 pt frame, 0.5 pt inside) and Word's
default left and right cell margins, which the layout leaves too.

Each row is as many grid lines high as the layout made it (exactly: text that does not
fit is the layout's to wrap, and a row that grows would move every page after), a cell's text
starts as many grid lines down as the layout centred it, so a word processor sets the
table over the same grid lines as the PDF. Every cell paragraph carries a hidden
bookmark ``_lld_A_B_cR_C_P`` (row, cell, paragraph) so a reviewed copy maps back to the
cell, and its text the compression and line starts the layout chose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from ...docxcontract import cell_target
from ...layout.decisions import cell_key
from ...layout.table import INNER, OUTER, PAD
from ...model.issue import Block
from ...model.table import placed
from .text import add_text
from .xml import PPR_ORDER, el, grid_pitch, put, twips

if TYPE_CHECKING:
    from .blocks import ArticleWriter

STYLE = "表格"
# A row the layout breaks over pages has no fixed height (a word processor does not
# break a row of exact height): its height is its lines', which are set this many twips
# shorter than the grid's pitch and off the grid, so that with the table's rules a part
# a page long still fits the page (LibreOffice adds the rules' widths to the row)
SPLIT_SHORTER = 24
TBLPR_ORDER = ["tblStyle", "tblW", "jc", "tblInd", "tblBorders", "tblLayout", "tblCellMar"]
TCPR_ORDER = ["tcW", "gridSpan", "vMerge", "tcBorders", "vAlign"]


def _eighths(pt: float) -> str:
    return str(round(pt * 8))


def write_table(w: ArticleWriter, ai: int, bi: int, b: Block) -> None:
    t = b.table
    if t is None or not t.rows:
        return
    g = w.t.geometry
    pitch = grid_pitch(w.t)
    m = w.decisions.tables[(ai, bi)]  # the table as the layout set it
    headers = m.headers
    total = round(g.text_width * min(1.0, t.width) * 20)
    cols = [round(x * total) for x in t.widths]
    cols[-1] += total - sum(cols)
    tbl = el("w:tbl")
    tblpr = el("w:tblPr")
    put(tblpr, el("w:tblW", w=str(total), type="dxa"), TBLPR_ORDER)
    put(tblpr, el("w:jc", val=t.align), TBLPR_ORDER)
    # no w:tblInd: in Word 2013's mode, which the DOCX states, a left-aligned table's
    # frame stands at the margin, as in the PDF (measured in LibreOffice)
    borders = el("w:tblBorders")
    for side, pt in (("top", OUTER), ("left", OUTER), ("bottom", OUTER), ("right", OUTER),
                     ("insideH", INNER), ("insideV", INNER)):  # fmt: skip
        borders.append(el(f"w:{side}", val="single", sz=_eighths(pt), space="0", color="000000"))
    put(tblpr, borders, TBLPR_ORDER)
    put(tblpr, el("w:tblLayout", type="fixed"), TBLPR_ORDER)
    mar = el("w:tblCellMar")
    for side, width in (("top", 0.0), ("left", PAD), ("bottom", 0.0), ("right", PAD)):
        mar.append(el(f"w:{side}", w=twips(width), type="dxa"))
    put(tblpr, mar, TBLPR_ORDER)
    tbl.append(tblpr)
    grid = el("w:tblGrid")
    for c in cols:
        grid.append(el("w:gridCol", w=str(c)))
    tbl.append(grid)
    starts = {(p.row, p.index): p.col for p in placed(t)}
    for ri, row in enumerate(t.rows):
        keep = ri < headers  # the header rows stay with the row after them
        tr = el("w:tr")
        trpr = el("w:trPr")
        # as the draft asked, unless the layout began the row under a heading kept with
        # it and broke it there (taller than a page); other rows break where it does
        if row.cant_split and ri not in m.begun_low:
            trpr.append(el("w:cantSplit"))
        height = pitch * m.rows.get(ri, 1)
        if ri in m.tops or ri == len(t.rows) - 1:
            # LibreOffice adds the frame's width to the row at the top of each page's
            # part and to the last row (measured); taken off them the table is never
            # taller than the PDF's, and Word, which puts the frame inside the rows,
            # snaps the text after it to the grid line
            height -= round(OUTER * 20)
        if ri not in m.split:  # a word processor does not break a row of exact height
            trpr.append(el("w:trHeight", val=str(height), hRule="exact"))
        if ri < headers:
            trpr.append(el("w:tblHeader"))
        tr.append(trpr)
        col = 0
        for ci, cell in enumerate(row.cells):
            col = starts.get((ri, ci), col)
            tc = el("w:tc")
            tcpr = el("w:tcPr")
            put(tcpr, el("w:tcW", w=str(sum(cols[col : col + cell.span])), type="dxa"), TCPR_ORDER)
            if cell.span > 1:
                put(tcpr, el("w:gridSpan", val=str(cell.span)), TCPR_ORDER)
            if cell.vmerge == "restart":
                put(tcpr, el("w:vMerge", val="restart"), TCPR_ORDER)
            elif cell.vmerge == "continue":
                put(tcpr, el("w:vMerge"), TCPR_ORDER)
            put(tcpr, el("w:vAlign", val="top"), TCPR_ORDER)
            tc.append(tcpr)
            down = m.first.get((ri, ci), 0) if cell.vmerge != "continue" else 0
            line = pitch - SPLIT_SHORTER if ri in m.split else 0
            for pi, para in enumerate(cell.paras or []):
                before = down * pitch if pi == 0 else 0
                p = _para(w, para, (ai, bi, ri, ci, pi), before, keep, line)
                if m.page_top and ri == 0 and ci == 0 and pi == 0:
                    # LibreOffice would begin the table in the last hair of the page
                    # before (its grid lines are whole twips) and split it early
                    put(p.find(qn("w:pPr")), el("w:pageBreakBefore"), PPR_ORDER)
                tc.append(p)
            if not cell.paras:
                tc.append(_para(w, None, (ai, bi, ri, ci, 0), 0, keep, line))
            tr.append(tc)
            col += cell.span
        tbl.append(tr)
    anchor = w.para("正文")
    anchor._p.addprevious(tbl)
    anchor._p.getparent().remove(anchor._p)


def _para(
    w: ArticleWriter,
    para: Any,
    where: tuple[int, int, int, int, int],
    before: int,
    keep: bool,
    line: int = 0,
) -> Any:
    """A cell paragraph; ``keep``: its row stays with the next one (Word's way of keeping
    table rows together, which LibreOffice follows); ``line``: its lines' height in
    twips, off the grid, when not the style's."""
    from docx.text.paragraph import Paragraph

    p = Paragraph(el("w:p"), w.d._body)
    ppr = p._p.get_or_add_pPr()
    ppr.append(el("w:pStyle", val=w.d.styles[STYLE].style_id))
    if keep:
        put(ppr, el("w:keepNext"), PPR_ORDER)
    if line:
        put(ppr, el("w:snapToGrid", val="0"), PPR_ORDER)
    if before or line:
        spacing = el("w:spacing", before=str(before))
        if line:
            spacing.set(qn("w:line"), str(line))
            spacing.set(qn("w:lineRule"), "exact")
        put(ppr, spacing, PPR_ORDER)
    align = {"center": "center", "right": "right", "justify": "both"}.get(
        para.align if para is not None else "", ""
    )
    if align:
        put(ppr, el("w:jc", val=align), PPR_ORDER)
    ai, bi, ri, ci, pi = where
    lines = w.decisions.lines(cell_key(*where))
    sq, breaks = lines.squeezed, lines.starts
    offset = 0
    for run in para.runs if para is not None else []:
        n = len(p.runs)
        add_text(p, w.t, "table", run.text, sq, offset=offset, breaks=breaks)
        if run.bold:
            for r in p.runs[n:]:
                r.bold = True
        offset += len(run.text)
    w.mark(p, cell_target(ai, bi, ri, ci, pi))
    return p._p
