"""Distribute: the flow's grid lines onto pages of 22 (page 1 less the masthead).

Keep-with-next chains move whole to the next page; a lone line is avoided by asking a
paragraph's ``Shorter`` offer (punctuation compressed); each table's header rows are
repeated on the pages it continues on; the 版记's page is chosen last (``banji``)."""

from __future__ import annotations

import dataclasses

from .. import costs
from ..banji import banji_pages
from ..table import TableGeom
from .items import Blank, FlowItem, PictureLine, Shorter, TableLine, TextLine


def _offer(item: FlowItem) -> Shorter | None:
    """The offer to be set one line shorter that a paragraph's first line of text makes."""
    return item.shorter if isinstance(item, TextLine) else None


def _retighten(group: list[FlowItem]) -> list[FlowItem] | None:
    """The paragraph's items set one line shorter, or None if compression cannot. They
    are made once per paragraph (the paragraph's items are kept between layouts), so
    a page holding them is the same page the next time."""
    g0 = group[0]
    offer = _offer(g0)
    if not isinstance(g0, TextLine) or offer is None or offer.make is None:
        return None
    lines = offer.make()
    if len(lines) >= len(group):
        return None
    if offer.slots is None:
        offer.slots = [
            TextLine(g0.role, ln, g0.align, block=g0.block, para=g0.para) for ln in lines
        ]
    return list(offer.slots)


def _free_lines(page: list[FlowItem], need: int, max_paragraphs: int = 4) -> int:
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
        offer = _offer(group[0]) if group else None
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


def paginate(slots: list[FlowItem], per_page: int, first_page_used: int) -> list[list[FlowItem]]:
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
    pages: list[list[FlowItem]] = [[]]
    used = first_page_used
    i = 0
    runs_to = -1  # the last slot of a heading's chain breaking inside its table
    while i < len(slots):
        s = slots[i]
        if used == 0 and isinstance(s, Blank) and s.discard_at_top:
            i += 1
            continue
        offer = _offer(s)
        count = offer.count if offer is not None else 0
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
        going_on = going_on or i <= runs_to
        # a heading kept with a picture the two cannot share a page with stays where it is
        # (a word processor lets the keep go), not alone on a page of its own
        too_tall = chain > per_page and any(isinstance(x, PictureLine) for x in slots[i : j + 1])
        head = _head_over_table(slots[i : j + 1]) if chain > per_page and i > runs_to else 0
        if head:
            # a heading kept with a table row taller than a page: the row is broken
            # anyway, so it starts right under the heading (given a line of room), and
            # neither is moved again, which would leave the heading alone on its page
            runs_to = j
            if 0 < used and per_page - used < head + 1:
                pages.append([])
                used = 0
                continue
        if (
            not going_on
            and chain > 1
            and used + chain > per_page
            and used > 0
            and (chain <= per_page // 2 or unsplittable)
            and not too_tall
            and not head
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


def _head_over_table(chain: list[FlowItem]) -> int:
    """How many lines head ``chain`` before a table's lines that end it (a heading and
    the space above it kept with a row that may not break), 0 when the chain is not
    such: lines of text first, none of them kept together on their own, then only a
    table's."""
    k = next((n for n, x in enumerate(chain) if isinstance(x, TableLine)), 0)
    if k == 0 or any(x.unsplittable or isinstance(x, PictureLine) for x in chain[:k]):
        return 0
    return k if all(isinstance(x, TableLine) for x in chain[k:]) else 0


def paginate_tables(
    slots: list[FlowItem], per_page: int, first_page_used: int
) -> list[list[FlowItem]]:
    """Pagination with each table's header rows repeated at the top of every page the
    table continues on: pages are filled, and where one starts within a table the header
    is put before that row and the rest filled again (the pages before stay as they
    were, for the flow before the row is the same)."""
    slots = list(slots)
    done: set[int] = set()
    while True:
        pages = paginate(slots, per_page, first_page_used)
        at = _continued(slots, pages, done)
        if at < 0:
            _mark_broken(pages)
            return pages
        done.add(id(slots[at]))
        tl = slots[at]
        assert isinstance(tl, TableLine)
        heads: list[FlowItem] = [
            dataclasses.replace(x, keep_with_next=True, repeat=True)
            for x in slots
            if isinstance(x, TableLine)
            and x.geom is tl.geom
            and x.row < tl.geom.headers
            and not x.repeat
        ]
        slots[at:at] = heads


def _continued(slots: list[FlowItem], pages: list[list[FlowItem]], done: set[int]) -> int:
    """Index in ``slots`` of the first page top that is a table's body row continued from
    the page before (the row's first grid line or one within it), with a header to
    repeat; -1 when there is none."""
    index = {id(s): k for k, s in enumerate(slots)}
    for pi in range(1, len(pages)):
        if not pages[pi] or not pages[pi - 1]:
            continue
        tl, tb = pages[pi][0], pages[pi - 1][-1]
        if (
            isinstance(tl, TableLine)
            and isinstance(tb, TableLine)
            and tl.geom is tb.geom
            and tl.geom.headers
            and tl.row >= tl.geom.headers
            and id(tl) in index
            and id(tl) not in done
        ):
            return index[id(tl)]
    return -1


def _mark_broken(pages: list[list[FlowItem]]) -> None:
    """Note in each table the cells whose rows this pagination put on more than one page
    (repeated header rows left out)."""
    where: dict[int, tuple[TableGeom, dict[int, set[int]]]] = {}  # row → its pages
    for pi, page in enumerate(pages):
        for tl in page:
            if isinstance(tl, TableLine) and not tl.repeat:
                where.setdefault(id(tl.geom), (tl.geom, {}))[1].setdefault(tl.row, set()).add(pi)
    for geom, rows in where.values():
        geom.broken = set()
        for cl in geom.cells:
            p = cl.cell
            on = set().union(*(rows.get(r, set()) for r in range(p.row, p.row + p.rowspan)))
            if len(on) > 1:
                geom.broken.add(cl.number)


@dataclasses.dataclass
class Distributed:
    pages: list[list[FlowItem]]  # each page's slots, the 版记's pages (empty) included
    unnumbered: int  # how many of the last pages carry no page number


def distribute(
    slots: list[FlowItem],
    per_page: int,
    masthead: int,
    banji: int,
    banji_room: int,
    even_page: bool,
) -> Distributed:
    """The slots on pages (page 1 begins ``masthead`` grid lines down), then the pages
    the 版记 of ``banji`` lines needs: ``banji_room`` grid lines on its page, blank lines
    above it included; it goes on an even page when ``even_page``."""
    pages = paginate_tables(slots, per_page, masthead)
    unnumbered = 0
    if banji:
        used_last = len(pages[-1]) + (masthead if len(pages) == 1 else 0)
        full = used_last + banji_room > per_page
        pages, unnumbered = banji_pages(pages, full, even_page)
    return Distributed(pages, unnumbered)
