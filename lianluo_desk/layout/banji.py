"""Which page the 版记 stands on.

GB/T 9704-2012 puts the 版记 on the last page with its last rule on the text block's
bottom edge (§7.4.1); a document printed on both sides ends on an even page, the back
of its last sheet (§6.2), so the 版记 stands there. When the text leaves no room for it
on an even page, a blank odd page and the 版记 page follow, and neither carries a page
number (§7.5: "版记页前有空白页的，空白页和版记页均不编排页码").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from .linebreak import Line

S = TypeVar("S")


@dataclass
class BanjiLine:
    """One line of the 版记, on a grid line of its own."""

    kind: str  # group (of recipients), editors, contact, approval
    line: Line
    align: str = "left"
    group: int | None = None  # the recipient group a group's line belongs to
    full_width: bool = False  # set across the text width, not within the inset block


def align_name(name: str) -> str:
    """石韧 → 石　韧: in the 版记's 责任编辑, a two-character name lines up with
    three-character ones (the PDF and the DOCX print it alike)."""
    name = name.replace(" ", "").replace("\u3000", "")
    return f"{name[0]}\u3000{name[1]}" if len(name) == 2 else name


def banji_pages(pages: list[list[S]], full: bool, even_page: bool) -> tuple[list[list[S]], int]:
    """The pages with those the 版记 needs added after the text's (the 版记 goes on the
    last), and how many of the last pages carry no page number.

    ``full``: the text's last page has no room for the 版记. Without ``even_page`` the
    版记 goes on the last page of text, or on a page of its own when that one is full.
    """
    pages = list(pages)
    n = len(pages)  # the text's last page is page n
    if not even_page:
        return (pages + [[]] if full else pages), 0
    if n % 2 == 1:  # an odd page: the 版记 on the back, the next page
        return pages + [[]], 0
    if not full:
        return pages, 0
    return pages + [[], []], 2  # a blank odd page, then the 版记 page
