"""Markdown pipe tables in text drafts (``| a | b |`` over a ``|---|:--:|`` line): the
first row is the header row, the colons give each column's alignment, and the columns
are as wide as their longest cell asks (each at least two characters)."""

from __future__ import annotations

import re

from ..model.table import Cell, CellPara, Row, Table, TextRun, normalise

SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _width(text: str) -> float:
    """Characters of the grid a text takes: a hanzi one, a Latin letter or digit half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text)


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def starts_table(lines: list[str], i: int) -> bool:
    """Whether a pipe table starts at line ``i`` (a row over a separator line)."""
    return (
        i + 1 < len(lines)
        and "|" in lines[i]
        and bool(SEPARATOR.match(lines[i + 1]))
        and "-" in lines[i + 1]
    )


def read_table(lines: list[str], i: int) -> tuple[Table, int]:
    """The table starting at line ``i``, and the index of the line after it."""
    head = _cells(lines[i])
    aligns = []
    for spec in _cells(lines[i + 1]):
        left, right = spec.startswith(":"), spec.endswith(":")
        aligns.append("center" if left and right else "right" if right else "")
    body: list[list[str]] = []
    k = i + 2
    while k < len(lines) and lines[k].strip() and "|" in lines[k]:
        body.append(_cells(lines[k]))
        k += 1
    n = max(len(head), *(len(r) for r in body)) if body else len(head)
    aligns += [""] * (n - len(aligns))
    rows = []
    for ri, texts in enumerate([head, *body]):
        texts = texts + [""] * (n - len(texts))
        cells = [
            _cell(t, aligns[ci] or ("center" if ri == 0 else "")) for ci, t in enumerate(texts)
        ]
        rows.append(Row(cells, header=ri == 0))
    widths = [
        max(2.0, *(max(_width(x) for x in c.text.split("\n")) for c in col))
        for col in zip(*(r.cells for r in rows), strict=True)
    ]
    return normalise(Table(rows, widths=widths, width=1.0)), k


def _cell(text: str, align: str) -> Cell:
    paras = []
    for part in re.split(r"<br\s*/?>", text):
        part = re.sub(r"`+([^`]*)`+", r"\1", part.strip())  # a code span's words
        # **bold** words as bold runs, the marks no text
        pieces = re.split(r"\*\*(.+?)\*\*", part)
        runs = [TextRun(x, k % 2 == 1) for k, x in enumerate(pieces) if x]
        paras.append(CellPara(runs, align))
    return Cell(paras)
