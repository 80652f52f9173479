"""Decimal-numbered headings of technical and project reports (1 项目概况, 1.1 建设背景,
1．1．1 政策依据): a line is one only when it reads as a heading and its number carries
on a sequence of the draft's, so that 3.5 亿元 or 1.5 倍 opening a line stays body text."""

from __future__ import annotations

import re

from ..model.issue import Block, BlockKind
from .forms import CHAPTER, DECIMAL, heading_level, is_heading_text

_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")
LEVELS = 4  # 1.1.1.1 and deeper are level 4


def decimal_number(text: str) -> tuple[int, ...]:
    """The numbers of a line's decimal label, () for a line without one."""
    m = DECIMAL.match(text)
    if not m:
        return ()
    label = (m.group(1) or m.group(2)).translate(_ASCII)
    return tuple(int(x) for x in re.split(r"\s*\.\s*", label))


def _follows(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether ``b`` is a number that may come next after ``a``: a first child (1.1 →
    1.1.1), the next of ``a`` or of one of its parents (1.1.2 → 1.1.3, 1.2, 2), or that
    next's first child (1.2 → 2.1, the 2 being a 二、 heading or left out)."""
    for j in range(1, len(b) + 1):
        if b[j:] != (1,) * (len(b) - j):
            continue
        if b[:j] == a and j < len(b):
            return True
        if j <= len(a) and b[: j - 1] == a[: j - 1] and b[j - 1] == a[j - 1] + 1:
            return True
    return False


def decimal_heads(texts: list[str | None]) -> dict[int, int]:
    """Indices of the lines that are decimal headings, with their levels by depth: a
    short line with a label whose number follows the last heading's, or is followed by
    the next candidate's (a sequence starting, after a number that was none)."""
    cands = [
        (k, num)
        for k, t in enumerate(texts)
        if t and (num := decimal_number(t.strip())) and is_heading_text(t, numbered=True)
    ]
    out: dict[int, int] = {}
    last: tuple[int, ...] = ()
    for n, (k, num) in enumerate(cands):
        nxt = cands[n + 1][1] if n + 1 < len(cands) else ()
        if (last and _follows(last, num)) or (nxt and _follows(num, nxt)):
            out[k] = min(len(num), LEVELS)
            last = num
    return out


def under_numbered(blocks: list[Block], decimals: list[Block]) -> None:
    """Decimal headings in a draft that also has 第一章, 第一节, 一、 or （一） headings go
    under them: the shallowest a level below those tiers (一、 › 1.1 › 1.1.1, 一、 › 1 ›
    1.1, 第一章 › 1.1), as 第一章 › 一、."""
    mine = {id(b) for b in decimals}
    tiers: set[str] = set()
    for b in blocks:
        if b.kind is BlockKind.HEADING and id(b) not in mine:
            m = CHAPTER.match(b.text)
            if m:
                tiers.add(m.group(1))
            elif heading_level(b.text) in (1, 2):
                tiers.add(str(heading_level(b.text)))
    if not tiers or not decimals:
        return
    depth = {id(b): min(LEVELS, len(decimal_number(b.text))) for b in decimals}
    top = min(depth.values())
    for b in decimals:
        b.level = min(LEVELS, len(tiers) + depth[id(b)] - top + 1)
