"""Pagination: grid lines (slots) of the flow onto pages of 22, keep-with-next chains,
lone lines avoided by setting paragraphs one line shorter (punctuation compressed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import costs
from .linebreak import Line


@dataclass
class Slot:
    """One grid line of the flow."""

    role: str
    line: Line | None = None  # None for a blank line
    align: str = "left"  # left (with the line's indent), center, right
    keep_with_next: bool = False
    discard_at_top: bool = False  # blank lines vanish at the top of a page
    block: tuple[int, int] = (-1, -1)
    para: int = -1  # paragraph id for widow/orphan decisions
    extra: dict[str, Any] = field(default_factory=dict)


def _retighten(group: list[Slot]) -> list[Slot] | None:
    """The paragraph's slots set one line shorter, or None if compression cannot. They
    are made once per paragraph (the paragraph's slots are kept between layouts), so
    a page holding them is the same page the next time."""
    g0 = group[0]
    make = g0.extra.get("tight")
    if make is None:
        return None
    lines = make()
    if len(lines) >= len(group):
        return None
    alt = g0.extra.get("tight_slots")
    if alt is None:
        alt = g0.extra["tight_slots"] = _tight_slots(g0, lines)
    return list(alt)


def _tight_slots(g0: Slot, lines: list[Line]) -> list[Slot]:
    return [
        Slot(
            role=g0.role,
            line=ln,
            align=g0.align,
            block=g0.block,
            para=g0.para,
            extra={"tightened": True},
        )
        for ln in lines
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
        if group and group[0].extra.get("count") == len(group):
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
        count = s.extra.get("count", 0)
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
        unsplittable = any(x.extra.get("unsplittable") for x in slots[i : j + 1])
        # an unsplittable chain taller than a page, begun at a page top, fills that page
        # and goes on: what is left of it is not moved again (it would take a page a line)
        going_on = unsplittable and i > 0 and bool(pages[-1]) and pages[-1][-1] is slots[i - 1]
        # (only the chain's own slots: a heading let go at a page foot over a picture
        # that cannot share its page does not make the picture go on from there)
        going_on = going_on and slots[i - 1].keep_with_next
        going_on = going_on and bool(slots[i - 1].extra.get("unsplittable"))
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
