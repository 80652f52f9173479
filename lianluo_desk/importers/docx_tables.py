"""A .docx table (``w:tbl``) read as a table block: the grid columns and their widths,
cells spanning columns (``w:gridSpan``) or merged down (``w:vMerge``), leading header
rows (``w:tblHeader``), rows that must not break over pages (``w:cantSplit``), each
cell's paragraphs with their runs (bold kept) and alignment.

A table nested in a cell cannot be set inside a cell; its text is kept as paragraphs of
that cell, in reading order, and the draft gets one warning line saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..catalogue import Said, say
from ..model.table import Cell, CellPara, Row, Table, TextRun, normalise
from .normalize import source_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from .structure import RawPara

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
JC = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
}


def _local(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _int(el: Any, name: str, default: int = 0) -> int:
    if el is None:
        return default
    try:
        return int(float(el.get(W + name, default)))
    except ValueError:
        return default


def _on(el: Any) -> bool:
    """A toggle property present and not switched off."""
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "off")


def _content(el: Any) -> Iterator[Any]:
    """Children, with content controls and custom XML opened up (they wrap rows, cells
    and paragraphs alike)."""
    for child in el.iterchildren():
        name = _local(child)
        if name == "sdt":
            body = child.find(W + "sdtContent")
            if body is not None:
                yield from _content(body)
        elif name == "customXml":
            yield from _content(child)
        else:
            yield child


def text_width(d: DocxDocument) -> int:
    """The draft's text block width in twips (its last section's page less margins)."""
    sect = d.element.body.find(W + "sectPr")
    size = sect.find(W + "pgSz") if sect is not None else None
    mar = sect.find(W + "pgMar") if sect is not None else None
    width = _int(size, "w", 11906) - _int(mar, "left", 1800) - _int(mar, "right", 1800)
    return width if width > 0 else 8306


class TableReader:
    """Reads the tables of one document; ``read_para`` is the document's paragraph
    reader (a ``w:p`` → its paragraphs, numbering, fields and notes worked out), so a
    cell's text is read as body text is."""

    def __init__(self, d: DocxDocument, read_para: Callable[[Any], list[RawPara]]) -> None:
        self.d, self.read_para = d, read_para
        self.width = text_width(d)
        self.warnings: list[str] = []
        self.count = 0

    def read(self, tbl: Any) -> Table:
        self.count += 1
        nested = [0, 0]  # nested tables, pictures in cells
        grid = [_int(g, "w") for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        rows: list[Row] = []
        heading = True  # only the leading rows repeat as header rows
        for tr in (c for c in _content(tbl) if _local(c) == "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a row a tracked change deleted
            header = heading and trpr is not None and _on(trpr.find(W + "tblHeader"))
            heading = header
            cells: list[Cell] = []
            before = _int(trpr.find(W + "gridBefore") if trpr is not None else None, "val")
            if before > 0:
                cells.append(Cell([CellPara()], span=before))
            for tc in (c for c in _content(tr) if _local(c) == "tc"):
                cells.append(self._cell(tc, nested))
            after = _int(trpr.find(W + "gridAfter") if trpr is not None else None, "val")
            if after > 0:
                cells.append(Cell([CellPara()], span=after))
            if cells:
                cant = trpr is not None and _on(trpr.find(W + "cantSplit"))
                rows.append(Row(cells, header=header, cant_split=cant))
        notes: list[Said] = []
        if nested[0]:
            notes.append(say("table.nested", count=nested[0]))
        if nested[1]:
            notes.append(say("table.pictures_left_out", count=nested[1]))
        if notes:
            self.warnings.append(say("table.notes", number=self.count, notes=notes))
        tblpr = tbl.find(W + "tblPr")
        jc = tblpr.find(W + "jc") if tblpr is not None else None
        align = JC.get(jc.get(W + "val", "") if jc is not None else "", "left")
        total = sum(grid)
        tblw = tblpr.find(W + "tblW") if tblpr is not None else None
        share = total / self.width if total > 0 else 1.0
        if tblw is not None and tblw.get(W + "type") == "pct":
            pct = tblw.get(W + "w", "")
            try:
                share = float(pct[:-1]) / 100 if pct.endswith("%") else float(pct) / 5000
            except ValueError:
                pass
        return normalise(
            Table(
                rows,
                widths=[float(g) for g in grid],
                width=share,
                align=align if align != "justify" else "left",
            )
        )

    def _cell(self, tc: Any, nested: list[int]) -> Cell:
        tcpr = tc.find(W + "tcPr")
        span = _int(tcpr.find(W + "gridSpan") if tcpr is not None else None, "val", 1)
        vm = tcpr.find(W + "vMerge") if tcpr is not None else None
        vmerge = "" if vm is None else ("restart" if vm.get(W + "val") == "restart" else "continue")
        paras = list(self._paras(tc, nested))
        while len(paras) > 1 and not paras[-1].runs:  # Word ends a cell after a table so
            paras.pop()
        return Cell(paras or [CellPara()], span=max(1, span), vmerge=vmerge)

    def _paras(self, el: Any, nested: list[int], depth: int = 0) -> Iterator[CellPara]:
        for child in _content(el):
            name = _local(child)
            if name == "p":
                align = self._align(child)
                for rp in self.read_para(child):
                    if rp.table is not None:  # a text box's table in the cell: its text
                        nested[0] += depth == 0
                        for row in rp.table.rows:
                            for cell in row.cells:
                                yield from cell.paras
                    elif rp.image:
                        nested[1] += 1
                    elif rp.text.strip():
                        runs = self._runs(child)
                        if "".join(r.text for r in runs) == rp.text.strip():
                            yield from _lines(CellPara(runs, align))
                        else:  # numbering, notes, fields: as the paragraph reader has it
                            yield from _lines(_cell_para(rp, align))
                    else:
                        yield CellPara([], align)
            elif name == "tbl":  # nested: its cells' paragraphs, row by row
                nested[0] += depth == 0
                for tr in (c for c in _content(child) if _local(c) == "tr"):
                    for tc in (c for c in _content(tr) if _local(c) == "tc"):
                        yield from self._paras(tc, nested, depth + 1)

    def _runs(self, p: Any) -> list[TextRun]:
        """The paragraph's runs with their weight (set on the run, else its style's),
        neighbours of one weight joined, the ends stripped."""
        from docx.text.paragraph import Paragraph

        para = Paragraph(p, self.d)
        runs: list[TextRun] = []
        for r in para.runs:
            text = source_text(r.text.replace("\t", " "))  # as the body's text
            if not text:
                continue
            bold = r.bold
            style = para.style
            while bold is None and style is not None:
                bold = style.font.bold
                style = style.base_style
            if runs and runs[-1].bold == bool(bold):
                runs[-1].text += text
            else:
                runs.append(TextRun(text, bool(bold)))
        if runs:
            runs[0].text = runs[0].text.lstrip()
            runs[-1].text = runs[-1].text.rstrip()
        return [r for r in runs if r.text]

    def _align(self, p: Any) -> str:
        """The paragraph's alignment as set on it or on its style ("" for left)."""
        from docx.text.paragraph import Paragraph

        para = Paragraph(p, self.d)
        jc = p.pPr.find(W + "jc") if p.pPr is not None else None
        align = JC.get(jc.get(W + "val", "") if jc is not None else "", "")
        if not align and para.style is not None:
            style_jc = para.style.element.find(f"{W}pPr/{W}jc")
            if style_jc is not None:
                align = JC.get(style_jc.get(W + "val", ""), "")
        return align


def _cell_para(rp: RawPara, align: str) -> CellPara:
    """A cell paragraph from what the paragraph reader made of it: bold throughout, a
    bold lead, or plain."""
    text = rp.text.strip()
    if rp.bold:
        return CellPara([TextRun(text, True)], align)
    lead = rp.bold_lead.strip()
    if lead and text.startswith(lead) and len(lead) < len(text):
        return CellPara([TextRun(lead, True), TextRun(text[len(lead) :])], align)
    return CellPara([TextRun(text)], align)


def _lines(p: CellPara) -> Iterator[CellPara]:
    """A cell paragraph with manual line breaks as one paragraph per line: a cell's
    lines are set one per grid line either way, and the editor edits them as lines."""
    if "\n" not in p.text:
        yield p
        return
    cur = CellPara([], p.align)
    for r in p.runs:
        parts = r.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                yield cur
                cur = CellPara([], p.align)
            if part:
                cur.runs.append(TextRun(part, r.bold))
    yield cur
