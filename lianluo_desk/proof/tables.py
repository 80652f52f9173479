"""Proofing inside tables: each cell paragraph is a text of its own (field
``cell R C P``), fixed in place with its runs kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..model.issue import Block
from ..model.table import CellPara, replace_text, rewrite

CELL = re.compile(r"^cell (\d+) (\d+) (\d+)$")


def texts(b: Block) -> Iterator[tuple[str, str]]:
    """(field, text) of every cell paragraph of a table block."""
    if b.table is None:
        return
    for ri, row in enumerate(b.table.rows):
        for ci, cell in enumerate(row.cells):
            for pi, p in enumerate(cell.paras):
                if p.text:
                    yield f"cell {ri} {ci} {pi}", p.text


def para(b: Block, field: str) -> CellPara | None:
    m = CELL.match(field)
    if m is None or b.table is None:
        return None
    ri, ci, pi = (int(x) for x in m.groups())
    try:
        return b.table.rows[ri].cells[ci].paras[pi]
    except IndexError:
        return None


def where(field: str) -> str:
    m = CELL.match(field)
    if m is None:
        return ""
    ri, ci, pi = (int(x) + 1 for x in m.groups())
    return f"表格第{ri}行第{ci}格" + (f"第{pi}段" if pi > 1 else "")


def fix_span(p: CellPara, start: int, end: int, found: str, new: str) -> None:
    if p.text[start:end] != found:
        raise ValueError("the text changed since it was checked")
    replace_text(p, start, end, new)


def fix_all(b: Block, apply: Callable[[str], str]) -> None:
    if b.table is None:
        return
    for row in b.table.rows:
        for cell in row.cells:
            for p in cell.paras:
                rewrite(p, apply(p.text))
