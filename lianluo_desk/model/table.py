"""A table block: rows of cells as a word processor has them (Word's model: a cell spans
grid columns, a vertical merge is a cell that restarts or continues the one above), so
that a draft's table survives import, layout, the DOCX and the review unchanged.

Column widths are proportions of the table's width (summing to 1) and the table's width
a share of the text block (at most 1), so the same table fits any text block.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

ALIGNS = ("", "left", "center", "right", "justify")


@dataclass
class TextRun:
    """Text of one weight within a cell paragraph."""

    text: str
    bold: bool = False


@dataclass
class CellPara:
    """One paragraph of a cell; ``align`` "" is the word processor's default (left)."""

    runs: list[TextRun] = field(default_factory=list)
    align: str = ""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Cell:
    """A cell: its paragraphs, and the grid columns and rows it takes."""

    paras: list[CellPara] = field(default_factory=list)
    span: int = 1  # grid columns taken (w:gridSpan)
    vmerge: str = ""  # "restart": merged with the cells below marked "continue"

    @property
    def text(self) -> str:
        """The cell's paragraphs one a line, as the editor shows and edits them."""
        return "\n".join(p.text for p in self.paras)


@dataclass
class Row:
    """A row of cells."""

    cells: list[Cell] = field(default_factory=list)
    header: bool = False  # repeated at the top of each page the table continues on
    cant_split: bool = False  # the draft forbids a page break inside it (w:cantSplit)


@dataclass
class Table:
    """The rows, the grid's column widths, and the table's width and place in the text block."""

    rows: list[Row] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # per grid column, summing to 1
    width: float = 1.0  # share of the text block
    align: str = "center"  # the table in the text block: left, center, right

    @property
    def columns(self) -> int:
        return len(self.widths)

    def all_text(self) -> str:
        return "".join(c.text for r in self.rows for c in r.cells)

    def key(self) -> str:
        """A stable text of the whole table, for caches and comparisons."""
        return json.dumps(table_to_dict(self), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Placed:
    """A cell that is drawn (not the continuation of a vertical merge) and where."""

    row: int
    col: int  # first grid column
    rowspan: int
    colspan: int
    index: int  # the cell's index in its row


def normalise(t: Table) -> Table:
    """Widths summing to 1 over as many grid columns as the widest row takes (rows that
    take fewer are padded with an empty cell), so every later stage can trust the grid."""
    ncols = max((sum(max(1, c.span) for c in r.cells) for r in t.rows), default=0)
    ncols = max(ncols, 1)
    for r in t.rows:
        for c in r.cells:
            c.span = max(1, c.span)
            if c.vmerge not in ("", "restart", "continue"):
                c.vmerge = ""
        short = ncols - sum(c.span for c in r.cells)
        if short > 0:
            r.cells.append(Cell([CellPara()], span=short))
    widths = [max(0.0, w) for w in t.widths[:ncols]]
    widths += [0.0] * (ncols - len(widths))
    missing = [i for i, w in enumerate(widths) if w <= 0]
    if missing:
        fill = (sum(widths) / (ncols - len(missing))) if len(missing) < ncols else 1.0
        for i in missing:
            widths[i] = fill
    total = sum(widths)
    t.widths = [w / total for w in widths]
    t.width = min(1.0, t.width) if t.width > 0 else 1.0
    if t.align not in ("left", "center", "right"):
        t.align = "center"
    return t


def placed(t: Table) -> list[Placed]:
    """The drawn cells in reading order, each with the rows and columns it covers."""
    out: list[Placed] = []
    origin: dict[int, int] = {}  # grid column → index in ``out`` of the merge open there
    for ri, r in enumerate(t.rows):
        col = 0
        for ci, c in enumerate(r.cells):
            if c.vmerge == "continue" and col in origin:
                k = origin[col]
                p = out[k]
                out[k] = Placed(p.row, p.col, ri - p.row + 1, p.colspan, p.index)
            else:
                out.append(Placed(ri, col, 1, c.span, ci))
                if c.vmerge == "restart":
                    origin[col] = len(out) - 1
                else:
                    origin.pop(col, None)
            col += c.span
    return out


def table_to_dict(t: Table) -> dict[str, Any]:
    rows = []
    for r in t.rows:
        cells = []
        for c in r.cells:
            paras = []
            for p in c.paras:
                pd: dict[str, Any] = {
                    "runs": [{"text": x.text, **({"bold": True} if x.bold else {})} for x in p.runs]
                }
                if p.align:
                    pd["align"] = p.align
                paras.append(pd)
            cd: dict[str, Any] = {"paras": paras}
            if c.span != 1:
                cd["span"] = c.span
            if c.vmerge:
                cd["vmerge"] = c.vmerge
            cells.append(cd)
        rows.append(
            {
                "cells": cells,
                **({"header": True} if r.header else {}),
                **({"cant_split": True} if r.cant_split else {}),
            }
        )
    return {"rows": rows, "widths": [round(w, 6) for w in t.widths], "width": t.width,
            "align": t.align}  # fmt: skip


def table_from_dict(d: dict[str, Any]) -> Table:
    """The table of an issue file; raises KeyError/TypeError/ValueError when damaged."""
    if not isinstance(d, dict):
        raise TypeError("table is not an object")
    rows = []
    for r in d["rows"]:
        cells = []
        for c in r["cells"]:
            paras = []
            for p in c.get("paras", []):
                align = str(p.get("align", ""))
                if align not in ALIGNS:
                    raise ValueError(f"unknown cell alignment {align!r}")
                runs = [TextRun(str(x["text"]), bool(x.get("bold"))) for x in p.get("runs", [])]
                paras.append(CellPara(runs, align))
            cells.append(Cell(paras, span=int(c.get("span", 1)), vmerge=str(c.get("vmerge", ""))))
        rows.append(Row(cells, header=bool(r.get("header")), cant_split=bool(r.get("cant_split"))))
    return normalise(
        Table(
            rows,
            widths=[float(w) for w in d.get("widths", [])],
            width=float(d.get("width", 1.0)),
            align=str(d.get("align", "center")),
        )
    )


def cell_at(t: Table, row: int, index: int) -> Cell:
    if 0 <= row < len(t.rows) and 0 <= index < len(t.rows[row].cells):
        return t.rows[row].cells[index]
    raise IndexError(f"no cell {index + 1} in row {row + 1}")


def set_cell_text(t: Table, row: int, index: int, text: str) -> list[CellPara]:
    """Replace a cell's text, one paragraph a line; a line that did not change keeps its
    runs, a changed one keeps its alignment and the boldness of its first run. Returns
    the paragraphs as they were, for undo."""
    cell = cell_at(t, row, index)
    old = cell.paras
    new: list[CellPara] = []
    for k, line in enumerate(text.split("\n")):
        was = old[k] if k < len(old) else (old[-1] if old else CellPara())
        if k < len(old) and was.text == line:
            new.append(was)
            continue
        bold = bool(was.runs) and was.runs[0].bold
        new.append(CellPara([TextRun(line, bold)] if line else [], was.align))
    cell.paras = new
    return old


def restore_cell(t: Table, row: int, index: int, paras: list[CellPara]) -> None:
    cell_at(t, row, index).paras = paras


def replace_text(p: CellPara, start: int, end: int, new: str) -> None:
    """Replace characters ``start``…``end`` of the paragraph's text, the runs kept: the
    new text goes into the run where the span begins, what the span takes of the runs
    after it is cut from them."""
    total = len(p.text)
    target, at = -1, 0
    for k, r in enumerate(p.runs):
        if at <= start < at + len(r.text) or (start == total and k == len(p.runs) - 1):
            target = k
            break
        at += len(r.text)
    if target < 0:
        if new:
            p.runs.append(TextRun(new))
        return
    at = 0
    for k, r in enumerate(p.runs):
        a, b = at, at + len(r.text)
        at = b
        lo, hi = max(start, a), min(end, b)
        if k == target:
            r.text = r.text[: start - a] + new + r.text[max(hi, start) - a :]
        elif lo < hi:
            r.text = r.text[: lo - a] + r.text[hi - a :]
    p.runs = [r for r in p.runs if r.text]


def rewrite(p: CellPara, text: str) -> None:
    """Give the paragraph ``text``, the runs kept where the text did not change."""
    import difflib

    old = p.text
    if old == text:
        return
    ops = difflib.SequenceMatcher(None, old, text, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in reversed(ops):
        if op != "equal":
            replace_text(p, i1, i2, text[j1:j2])
