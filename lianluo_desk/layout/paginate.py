"""Pagination: grid lines (slots) of the flow onto pages of 22, keep-with-next chains,
lone lines avoided by setting paragraphs one line shorter (punctuation compressed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import costs
from .linebreak import Line

if TYPE_CHECKING:
    from .table import TableLine


@dataclass(frozen=True)
class Picture:
    """A picture on whole grid lines, centred, at most the text width."""

    path: str
    width: float  # pt
    height: float  # pt
    lines: int  # grid lines it takes


@dataclass(eq=False)
class Shorter:
    """A paragraph's offer to pagination: its lines set one line shorter (punctuation
    compressed), asked for to keep a lone line off a page top or bottom. It holds no
    reference to the composer: the composer keeps these slots, and a cycle through it
    would leave every glyph of the issue to the cyclic collector."""

    count: int  # the paragraph's lines as set
    # the lines one shorter, or as set when compression cannot save a line; made on
    # pagination's first request (None: the paragraph cannot be set shorter at all)
    make: Callable[[], list[Line]] | None = None
    slots: list[Slot] | None = None  # the slots of those lines, made once


@dataclass
class Slot:
    """One grid line of the flow: a line of text (``line``), a grid line of a table's
    row (``table``), of a picture (``picture`` on its first), or a blank (none)."""

    role: str
    line: Line | None = None  # None for a blank line, a table's or a picture's grid line
    align: str = "left"  # left (with the line's indent), center, right
    keep_with_next: bool = False
    discard_at_top: bool = False  # blank lines vanish at the top of a page
    block: tuple[int, int] = (-1, -1)
    para: int = -1  # paragraph id for widow/orphan decisions
    unsplittable: bool = False  # its keep-together chain never breaks over pages
    shorter: Shorter | None = None  # on a paragraph's first line of two or more
    table: TableLine | None = None
    picture: Picture | None = None  # on the picture's first grid line


def _retighten(group: list[Slot]) -> list[Slot] | None:
    """The paragraph's slots set one line shorter, or None if compression cannot. They
    are made once per paragraph (the paragraph's slots are kept between layouts), so
    a page holding them is the same page the next time."""
    offer = group[0].shorter
    if offer is None or offer.make is None:
        return None
    lines = offer.make()
    if len(lines) >= len(group):
        return None
    if offer.slots is None:
        offer.slots = _tight_slots(group[0], lines)
    return list(offer.slots)


def _tight_slots(g0: Slot, lines: list[Line]) -> list[Slot]:
    return [
        Slot(role=g0.role, line=ln, align=g0.align, block=g0.block, para=g0.para) for ln in lines
    ]


def _free_lines(page: list[Slot], need: int, max_paragraphs: int = 4) -> int:
    """Tighten paragraphs at the end of a page (last first) until ``need`` lines are free;
    all or nothing: the page is left as it was when that is not possible."""
    if need <= 0 or not page:
        return 0
    original = list(page)
    freed = 0
    end = len(page)
    tried = 0
    while end > 0 and freed < need and tried < max_paragraphs:
        k = end
        while k > 0 and page[k - 1].para == page[end - 1].para:
            k -= 1
        group = page[k:end]
        offer = group[0].shorter if group else None
        if offer is not None and offer.count == len(group):
            alt = _retighten(group)
            if alt is not None:
                page[k:end] = alt
                freed += len(group) - len(alt)
            tried += 1
        end = k
    if freed < need:
        page[:] = original
        return 0
    return freed


def paginate(slots: list[Slot], per_page: int, first_page_used: int) -> list[list[Slot]]:
    """Fill pages with slots; keep-with-next chains move whole to the next page.

    Where the grid allows, a lone line is avoided without leaving a page short: a
    paragraph whose last line would stand alone at the top of the next page (widow) is
    set one line shorter by compressing punctuation, or paragraphs before it on the page
    are; for a first line alone at the bottom (orphan), or a heading or title that would
    have to move, paragraphs earlier on the page are tightened to make room. When none of
    that works, the grid wins for lone lines (pages stay full) and keep-with-next wins
    for headings and titles.
    """
    slots = list(slots)
    pages: list[list[Slot]] = [[]]
    used = first_page_used
    i = 0
    while i < len(slots):
        s = slots[i]
        if used == 0 and s.discard_at_top and s.line is None:
            i += 1
            continue
        count = s.shorter.count if s.shorter is not None else 0
        room = per_page - used
        if count >= 2 and count == room + 1:  # widow ahead
            alt = _retighten(slots[i : i + count])
            if alt is not None:
                slots[i : i + count] = alt
            else:
                used -= _free_lines(pages[-1], 1)
        elif count >= 2 and room == 1 and pages[-1]:  # orphan ahead
            used -= _free_lines(pages[-1], 1)
        # the chain of slots kept together from here
        j = i
        while j < len(slots) - 1 and slots[j].keep_with_next:
            j += 1
        chain = j - i + 1
        unsplittable = any(x.unsplittable for x in slots[i : j + 1])
        # an unsplittable chain taller than a page, begun at a page top, fills that page
        # and goes on: what is left of it is not moved again (it would take a page a line)
        going_on = unsplittable and i > 0 and bool(pages[-1]) and pages[-1][-1] is slots[i - 1]
        # (only the chain's own slots: a heading let go at a page foot over a picture
        # that cannot share its page does not make the picture go on from there)
        going_on = going_on and slots[i - 1].keep_with_next
        going_on = going_on and slots[i - 1].unsplittable
        # a heading kept with a picture the two cannot share a page with stays where it is
        # (a word processor lets the keep go), not alone on a page of its own
        too_tall = chain > per_page and any(x.role == "image" for x in slots[i : j + 1])
        if (
            not going_on
            and chain > 1
            and used + chain > per_page
            and used > 0
            and (chain <= per_page // 2 or unsplittable)
            and not too_tall
        ):
            short = used + chain - per_page
            if short <= costs.KEEP_ROOM_LINES and not unsplittable and used < per_page:
                tries = costs.KEEP_ROOM_TRIES_PER_LINE * short + costs.KEEP_ROOM_TRIES_EXTRA
                used -= _free_lines(pages[-1], short, max_paragraphs=tries)
            if used + chain > per_page:
                pages.append([])
                used = 0
                continue
        if used >= per_page:
            pages.append([])
            used = 0
            continue
        pages[-1].append(slots[i])
        used += 1
        i += 1
    return pages
