"""What our DOCX promises to the code that reads it back: the names of its paragraph
styles and of the hidden bookmarks that say which block of the issue a paragraph holds.

The DOCX writer (export/docx) writes them; the reviewer's round trip (review/) and the
draft importer (a DOCX we exported, read by its styles) read them. One owner, so the
writer and the readers cannot drift apart."""

from __future__ import annotations

import re
from typing import NamedTuple

# -- styles -----------------------------------------------------------------------------

BODY = "正文"
TITLE = "标题"
SUBTITLE = "副标题"
NOTE = "编者按"  # the editor's note (编者按), not a Word footnote
BYLINE = "署名"
BANJI = "版记"
HEADING = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
RUNIN = {1: "段首一级标题", 2: "段首二级标题", 3: "段首三级标题", 4: "段首四级标题"}
# paragraphs the template writes from the masthead and the settings, not from text: a
# reader of our DOCX skips them (importer) or lists edits in them as the template's
TEMPLATE_STYLES = frozenset({"刊名", "刊名拼音", "期号", "刊头", BANJI, "页码"})

# -- bookmarks --------------------------------------------------------------------------

PREFIX = "_lld_"
# _lld_n (the 编者按), _lld_A_t / _s / _n (an article's title, subtitle, 编者按),
# _lld_A_B (block B of article A), _lld_A_B_cR_C_P (paragraph P of cell C in row R)
_MARK = re.compile(r"^_lld_(?:(n)|(\d+)_(t|s|n|\d+)(?:_c(\d+)_(\d+)_(\d+))?)$")
_PART = {"t": "title", "s": "subtitle", "n": "note"}


def note_target(article: int) -> str:
    """The 编者按 of an article, or of the issue when ``article`` is negative."""
    return f"{article}_n" if article >= 0 else "n"


def title_target(article: int) -> str:
    return f"{article}_t"


def subtitle_target(article: int) -> str:
    return f"{article}_s"


def block_target(article: int, block: int) -> str:
    return f"{article}_{block}"


def cell_target(article: int, block: int, row: int, cell: int, para: int) -> str:
    return f"{article}_{block}_c{row}_{cell}_{para}"


def bookmark(target: str) -> str:
    """The bookmark's name for a target made by the functions above."""
    return PREFIX + target


class Target(NamedTuple):
    """What a bookmark names: ``part`` is note, title, subtitle, text or cell; ``block``
    is -1 for the head parts, ``article`` -1 for the issue's 编者按."""

    article: int
    block: int
    part: str
    cell: tuple[int, int, int] | None = None  # row, cell, paragraph


def target_of(name: str) -> str | None:
    """The target a bookmark of ours names ("n", "A_t", "A_B", "A_B_cR_C_P"), or None."""
    m = _MARK.match(name)
    if not m:
        return None
    return name[len(PREFIX) :]


def parse_target(target: str) -> Target:
    """A target string read into its parts."""
    m = _MARK.match(PREFIX + target)
    if m is None:
        raise ValueError(f"not a block mark: {target}")
    if m.group(1):
        return Target(-1, -1, "note")
    article, second = int(m.group(2)), m.group(3)
    if second in _PART:
        return Target(article, -1, _PART[second])
    if m.group(4) is not None:
        cell = (int(m.group(4)), int(m.group(5)), int(m.group(6)))
        return Target(article, int(second), "cell", cell)
    return Target(article, int(second), "text")


def table_block_of(name: str) -> str | None:
    """For a cell's bookmark, the block target ("A_B") of the table it stands in."""
    m = _MARK.match(name)
    if m is None or m.group(4) is None:
        return None
    return block_target(int(m.group(2)), int(m.group(3)))
