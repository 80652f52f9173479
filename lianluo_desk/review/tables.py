"""Table cells in the reviewer's round trip: every cell paragraph of our DOCX carries the
mark ``_lld_A_B_cR_C_P`` (article, block, row, cell, paragraph), so an edit inside a
cell maps back to that cell; a row or table the reviewer added has no marks and is
listed as such."""

from __future__ import annotations

import re
from typing import Any

from ..catalogue import say
from ..docxcontract import table_block_of
from ..model.issue import Issue
from ..model.table import CellPara, TextRun

CELL = re.compile(r"^cell (\d+) (\d+) (\d+)$")


def cell_field(row: int, index: int, para: int) -> str:
    return f"cell {row} {index} {para}"


def is_cell(field_: str) -> bool:
    return bool(CELL.match(field_))


def texts(issue: Issue) -> dict[tuple[int, int, str], str]:
    """The text of every cell paragraph, keyed as the review keys block texts."""
    out: dict[tuple[int, int, str], str] = {}
    for ai, art in enumerate(issue.articles):
        for bi, b in enumerate(art.blocks):
            if b.table is None:
                continue
            for ri, row in enumerate(b.table.rows):
                for ci, cell in enumerate(row.cells):
                    for pi, p in enumerate(cell.paras):
                        out[(ai, bi, cell_field(ri, ci, pi))] = p.text
    return out


def set_text(issue: Issue, ai: int, bi: int, field_: str, text: str) -> None:
    """A cell paragraph's new text; it keeps its alignment and its first run's weight."""
    m = CELL.match(field_)
    table = issue.articles[ai].blocks[bi].table
    assert m is not None and table is not None
    ri, ci, pi = (int(x) for x in m.groups())
    cell = table.rows[ri].cells[ci]
    old = cell.paras[pi]
    bold = bool(old.runs) and old.runs[0].bold
    cell.paras[pi] = CellPara([TextRun(text, bold)] if text else [], old.align)


def where(ai: int, bi: int, field_: str) -> str:
    m = CELL.match(field_)
    assert m is not None
    ri, ci, pi = (int(x) + 1 for x in m.groups())
    para = f"第{pi}段" if pi > 1 else ""
    return f"第{ai + 1}篇 第{bi + 1}段 表格第{ri}行第{ci}格{para}"


def table_of(p: Any, w: str) -> tuple[bool, str]:
    """Whether the paragraph stands in a table, and the block ("A_B") of ours that
    table holds ("" for a table the reviewer brought in)."""
    tbl = next((a for a in p.iterancestors() if a.tag == f"{w}tbl"), None)
    if tbl is None:
        return False, ""
    for b in tbl.iter(f"{w}bookmarkStart"):
        block = table_block_of(b.get(f"{w}name", ""))
        if block is not None:
            return True, block
    return True, ""


def unmapped(table: str) -> tuple[str, str]:
    """Where to list a table paragraph that maps to no cell, and what to do."""
    if table:
        ai, bi = (int(x) for x in table.split("_"))
        return (
            f"第{ai + 1}篇 第{bi + 1}段 表格",
            say("review.table_cell_added"),
        )
    return (
        "（插入的表格）",
        say("review.table_inserted"),
    )
