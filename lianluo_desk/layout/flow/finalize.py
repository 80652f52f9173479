"""Finalize: pages of the box tree from the distributed grid lines. Each item is
placed on its grid line (text, a table's cells, a picture), page 1 gets the masthead,
the 版记's page its block (``banji``), a numbered page its folio; a page of text alone
that holds the very same items as in the last layout is taken over, not drawn again."""

from __future__ import annotations

from typing import assert_never

from ...model.issue import Issue
from ...template import length
from ..banji import BanjiLine, draw_banji
from ..boxes import ImageBox, LineInfo, Page, Rule
from ..linebreak import Line, Span, break_lines, shape
from ..runs import glyph_runs
from ..table import draw_rules, place_line
from .distribute import Distributed
from .items import Blank, FlowItem, PictureLine, TableLine, TextLine
from .kept import Kept
from .setting import Setting

ASCENT = 0.88  # ideographic em box: 880/1000 above the baseline in every shipped face


class Painter:
    """Draws the pages of one layout after another (the composer keeps one)."""

    def __init__(self, setting: Setting, kept: Kept) -> None:
        self.s = setting
        self.kept = kept

    def pages(self, flow: Distributed, issue: Issue, banji: list[BanjiLine]) -> list[Page]:
        """Every page: the first and the 版记's drawn, the others kept when they can be."""
        pages: list[Page] = []
        for pi, pslots in enumerate(flow.pages):
            numbered = pi < len(flow.pages) - flow.unnumbered
            last = banji if pi == len(flow.pages) - 1 else None
            if pi == 0 or last:
                page = self.draw_page(pi, pslots, numbered, issue, last)
            else:
                page = self.kept_page(pi, pslots, numbered)
            pages.append(page)
        return pages

    def kept_page(self, pi: int, pslots: list[FlowItem], numbered: bool) -> Page:
        """A page of text alone, the one the last layout drew when it held the very same
        items (items are never changed once made, and the page holds them, so none of
        them is a new object at an old one's address)."""
        key = ("page", pi, numbered, len(pslots))
        return self.kept.same(key, pslots, lambda: self.draw_page(pi, pslots, numbered))

    def draw_page(
        self,
        pi: int,
        pslots: list[FlowItem],
        numbered: bool,
        issue: Issue | None = None,
        banji: list[BanjiLine] | None = None,
    ) -> Page:
        """Page ``pi`` (from 0): the masthead on the first when ``issue`` is given, its
        slots on the grid, the 版记 when ``banji`` is, the folio when numbered."""
        g = self.s.g
        page = Page(number=pi + 1, width=g.page_width, height=g.page_height, numbered=numbered)
        first_slot = int(self.s.t.rhythm["masthead_lines"]) if pi == 0 else 0
        if pi == 0 and issue is not None:
            self.draw_masthead(page, issue)
        for si, slot in enumerate(pslots):
            self.place(page, slot, first_slot + si)
        draw_rules(g, page, pslots, first_slot)
        if banji:
            draw_banji(self, page, banji)
        if page.numbered:
            self.draw_folio(page)
        return page

    def baseline(self, slot: int, size: float) -> float:
        g = self.s.g
        return g.top + slot * g.pitch + (g.pitch - size) / 2 + ASCENT * size

    def place(self, page: Page, item: FlowItem, index: int) -> None:
        """The item on grid line ``index`` of the page, drawn as its kind is."""
        match item:
            case TextLine():
                self.place_text(page, item, index)
            case TableLine():
                place_line(self, page, item, index)
            case PictureLine():
                if item.k == 0:  # drawn once, from its first grid line
                    self.place_picture(page, item, index)
            case Blank():
                pass
            case _:
                assert_never(item)

    def place_text(self, page: Page, item: TextLine, index: int) -> None:
        ln = item.line
        size = ln.drawn.size
        if size is None:
            size = ln.drawn.size = max(
                (gl.style.size for gl in ln.glyphs), default=self.s.body.size
            )
        self.put_line(
            page,
            ln,
            item.role,
            self.baseline(index, size),
            item.align,
            index,
            item.block,
            self.s.g.left,
            self.s.g.text_width,
        )

    def place_picture(self, page: Page, item: PictureLine, index: int) -> None:
        pic = item.picture
        path, w, h, n = pic.path, pic.width, pic.height, pic.lines
        g = self.s.g
        x = g.left + (g.text_width - w) / 2
        y = g.top + index * g.pitch + (n * g.pitch - h) / 2
        page.items.append(
            ImageBox(x=round(x, 3), y=round(y, 3), width=round(w, 3), height=round(h, 3), path=path)
        )
        page.lines.append(
            LineInfo(
                role="image",
                text="",
                x0=round(x, 3),
                x1=round(x + w, 3),
                baseline=round(y + h, 3),
                slot=index,
                block=item.block,
            )
        )

    def put_line(
        self,
        page: Page,
        ln: Line,
        role: str,
        baseline: float,
        align: str,
        index: int,
        block: tuple[int, int],
        left: float,
        width: float,
    ) -> None:
        if align == "center":
            x0 = left + (width - ln.width) / 2
        elif align == "right":
            x0 = left + width - ln.width
        else:
            x0 = left + ln.indent
        page.items += glyph_runs(ln, x0, baseline, self.s.g.bold_stroke)
        drawn = ln.drawn
        if drawn.text is None:  # a set line never changes: its text and squeezes neither
            drawn.squeezed = _taken(ln)
            drawn.start = ln.glyphs[0].index if ln.glyphs else 0
            drawn.text = ln.text
        text, squeezed, start = drawn.text, drawn.squeezed, drawn.start
        page.lines.append(
            LineInfo(
                role=role,
                text=text,
                x0=round(x0, 3),
                x1=round(x0 + ln.width, 3),
                baseline=round(baseline, 3),
                slot=index,
                block=block,
                justified=ln.justified,
                squeezed=squeezed,
                start=start,
            )
        )

    def draw_masthead(self, page: Page, issue: Issue) -> None:
        s = self.s
        g, r, t = s.g, s.t.rhythm, s.t
        m = issue.masthead
        pitch = g.pitch

        def at(key: str) -> float:
            return g.top + float(r[key]) * pitch

        def centred(text: str, style: str, y: float) -> None:
            st = s.style(style)
            glyphs = shape([Span(text, st)], s.fonts, 1.0, g.latin_gap)
            lines = break_lines(glyphs, 10 * g.text_width, justify=False)
            for ln in lines:
                self.put_line(page, ln, "masthead", y, "center", -1, (-1, -1), g.left, g.text_width)

        centred(m.title or t.publication["name"], "masthead_title", at("masthead_title_line"))
        centred(m.pinyin or t.publication["pinyin"], "masthead_pinyin", at("masthead_pinyin_line"))
        centred(
            t.format_number(m.number, m.supplement), "masthead_number", at("masthead_number_line")
        )
        centred(
            t.format_cumulative(m.cumulative), "masthead_number", at("masthead_cumulative_line")
        )
        st = s.style("masthead_issuer")
        y = at("masthead_issuer_line")
        issuer = shape(
            [Span(m.issuer or t.publication["issuer"], st)],
            s.fonts,
            s.cell_ratio,
            g.latin_gap,
        )
        date = shape([Span(t.format_date(m.date), st)], s.fonts, s.cell_ratio, g.latin_gap)
        for glyphs, align in ((issuer, "left"), (date, "right")):
            ln = break_lines(glyphs, 10 * g.text_width, justify=False)[0]
            self.put_line(page, ln, "masthead", y, align, -1, (-1, -1), g.left, g.text_width)
        page.items.append(
            Rule(
                x=g.left,
                y=at("masthead_rule_line"),
                width=g.text_width,
                thickness=length(r.get("masthead_rule_width", "1pt")),
                color=t.color("red"),
            )
        )

    def draw_folio(self, page: Page) -> None:
        s = self.s
        g = s.g
        st = s.style("page_number")
        text = s.t.labels["page_number"].format(page=page.number)
        glyphs = shape([Span(text, st)], s.fonts, 1.0)
        ln = break_lines(glyphs, g.text_width, justify=False)[0]
        inset = g.page_number_inset * st.size
        baseline = g.bottom + g.page_number_drop + ASCENT * st.size
        odd = page.number % 2 == 1
        self.put_line(
            page,
            ln,
            "folio",
            baseline,
            "right" if odd else "left",
            -1,
            (-1, -1),
            g.left + inset,
            g.text_width - 2 * inset,
        )


def _taken(ln: Line) -> tuple[tuple[int, float], ...]:
    """(character index, pt) of each glyph set narrower than its nominal advance: a
    compressed mark, or every gap of a line tightened to take one more character; on a
    line that gave a character to the paragraph's last line, each glyph set wider too
    (negative), so a word processor does not fill that line again. Wider by half the
    character given less than the PDF sets it: at the very edge, a word processor's
    rounding took one more character off (measured in LibreOffice); half a character
    short of it, it fits what the line holds and not what it gave."""
    out = []
    last = len(ln.glyphs) - 1
    given = ln.kept_spread
    takes = [g.adv - g.width - (g.autospace if k == last else 0.0) for k, g in enumerate(ln.glyphs)]
    scale = 1.0
    if given:
        wider = -sum(t for t in takes if t < -1e-3)
        scale = max(0.0, wider - given / 2) / wider if wider > 0 else 0.0
    for g, taken in zip(ln.glyphs, takes, strict=True):
        if taken > 1e-3:
            out.append((g.index, round(taken, 3)))
        elif given and taken < -1e-3 and scale > 0:
            out.append((g.index, round(taken * scale, 3)))
    return tuple(out)
