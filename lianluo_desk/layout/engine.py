"""Issue → box tree on the GB/T 9704 grid.

Every line of the flow occupies one grid line (225 mm / 22) as in the printed issues,
whose Word originals snap every paragraph to the document grid. The flow is a list of
slots; pagination fills 22 slots a page (page 1 less the masthead), keeps titles and
headings with what follows, and puts the distribution block (版记) on the bottom of the
last page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .. import gcpause
from ..errors import MissingGlyphsError
from ..model.assets import asset_path
from ..model.issue import Article, Block, BlockKind, Issue
from ..template import Style, Template, length
from ..textnorm import split_note
from . import coverage
from .banji import align_name, banji_pages
from .boxes import Document, ImageBox, LineInfo, Page, Rule
from .decisions import record
from .fonts import FontSet
from .linebreak import (
    Line,
    Span,
    break_lines,
    clusters,
    halve_marks,
    least_widths,
    may_fit,
    shape,
    suffix_clusters,
)
from .paginate import Slot
from .runs import glyph_runs
from .table import draw_rules, paginate_tables, place_line, table_slots
from .titles import title_lines

T = TypeVar("T")

ASCENT = 0.88  # ideographic em box: 880/1000 above the baseline in every shipped face


class Composer:
    """Lays out one issue with one template and font set."""

    def __init__(self, template: Template, fonts: FontSet) -> None:
        self.template = template  # as loaded; ``t`` is the format in force for the issue
        self.t = template
        self.g = template.geometry
        self.fonts = fonts
        self.body = template.styles["body"]
        self.cell_ratio = self.g.cell / self.body.size
        self._para = 0
        self.base = Path.cwd()
        self._origin = ""
        # set paragraphs kept between layouts: a paragraph that did not change is not
        # shaped or broken again (the app lays the issue out after every edit)
        # (titles, notes, the 版记 and whole pages too: ``_kept``)
        self._cache: dict[tuple[object, ...], Any] = {}
        self._used: set[tuple[object, ...]] = set()
        self._fmt: tuple[object, ...] = ()

    def _kept(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """What ``make`` gives for ``key`` (which names all it depends on, the format
        in force included), made only when the last layout did not make it."""
        key = key + self._fmt
        try:
            value: T = self._cache[key]
        except KeyError:
            value = self._cache[key] = make()
        self._used.add(key)
        return value

    # -- paragraphs -------------------------------------------------------------------

    def style(self, name: str) -> Style:
        return self.t.styles[name]

    def set_par(
        self,
        spans: list[Span],
        width: float | None = None,
        indent_chars: int = 0,
        rest_indent: float = 0.0,
        justify: bool = True,
        tight: bool = False,
        half_marks: bool = False,
    ) -> list[Line]:
        width = self.g.text_width if width is None else width
        glyphs = shape(spans, self.fonts, self.cell_ratio, self.g.latin_gap)
        if not glyphs:
            return []
        if half_marks:
            halve_marks(glyphs)
        first = indent_chars * self.g.cell * spans[0].style.size / self.body.size
        return break_lines(glyphs, width, first, rest_indent, justify, tight=tight)

    def _tightenable(self, slots: list[Slot], spans: list[Span], indent: int) -> list[Slot]:
        """Let pagination ask for the paragraph set one line shorter (punctuation
        compressed) to keep a lone line off a page top or bottom. What it asks holds no
        reference to the composer: the composer keeps these slots, and a cycle through
        it would leave every glyph of the issue to the cyclic collector."""
        if len(slots) >= 2:
            slots[0].extra["tight"] = _Shorter(
                [s.line for s in slots if s.line is not None],
                spans,
                indent * self.g.cell * spans[0].style.size / self.body.size,
                self.fonts,
                self.cell_ratio,
                self.g.latin_gap,
                self.g.text_width,
                self.g.fit_marks,
            )
            slots[0].extra["count"] = len(slots)
        return slots

    def _slots(
        self,
        lines: list[Line],
        role: str,
        block: tuple[int, int] = (-1, -1),
        align: str = "left",
        keep: bool = False,
    ) -> list[Slot]:
        self._para += 1
        out = [
            Slot(role=role, line=ln, align=align, keep_with_next=keep, block=block, para=self._para)
            for ln in lines
        ]
        return out

    def title_lines(self, article: Article) -> list[list[str]]:
        return title_lines(article, self.t)

    def article_slots(self, ai: int, article: Article, first_in_issue: bool) -> list[Slot]:
        key = ("head", ai, tuple(article.title), article.subtitle, article.note, first_in_issue)
        slots = list(self._kept(key, lambda: self.head_slots(ai, article, first_in_issue)))
        for bi, block in enumerate(article.blocks):
            slots += self.block_slots(block, (ai, bi))
        return slots

    def head_slots(self, ai: int, article: Article, first_in_issue: bool) -> list[Slot]:
        """The article's note, title and subtitle with the blank lines around them."""
        slots: list[Slot] = []
        if article.note:
            slots += self.note_slots(article.note, (ai, -1))
        if article.title:
            r = self.t.rhythm
            if not first_in_issue or article.note:
                # blank lines above a title vanish at a page top, unless the format
                # keeps them there (then they travel with the title)
                keep = bool(r.get("keep_blank_at_top", False))
                for _ in range(int(r.get("before_title", 1))):
                    slots.append(Slot(role="blank", discard_at_top=not keep, keep_with_next=keep))
            st = self.style("title")
            for group in self.title_lines(article):
                for text in group:
                    lines = self.set_par([Span(text, st)], justify=False)
                    slots += self._slots(lines, "title", (ai, -1), "center", keep=True)
            if article.subtitle:
                for _ in range(int(r.get("before_subtitle", 0))):
                    slots.append(Slot(role="blank", keep_with_next=True))
                lines = self.set_par(
                    [Span(article.subtitle, self.style("subtitle"))], justify=False
                )
                slots += self._slots(lines, "subtitle", (ai, -1), "center", keep=True)
            for _ in range(int(r.get("after_title", 1))):
                slots.append(Slot(role="blank", keep_with_next=True))
        return slots

    def note_slots(self, note: str, where: tuple[int, int]) -> list[Slot]:
        label, rest = _split_note(note)
        spans = []
        if label:
            spans.append(Span(label, self.style("note_label")))
        spans.append(Span(rest, self.style("note")))
        indent = self.style("note").indent
        lines = self.set_par(spans, indent_chars=indent, tight=self.g.fit_marks)
        return self._tightenable(self._slots(lines, "note", where), spans, indent)

    def block_slots(self, block: Block, where: tuple[int, int]) -> list[Slot]:
        """The block's grid lines, from the cache when the block and the format in force
        are as they were (slots are never changed once made)."""
        table = block.table.key() if block.table is not None else ""
        key = (where, block.kind, block.level, block.text, block.runin, block.caption, block.path)
        return self._kept(key + (table,), lambda: self._block_slots(block, where))

    def _block_slots(self, block: Block, where: tuple[int, int]) -> list[Slot]:
        body = self.body
        if block.kind is BlockKind.HEADING:
            st = self.style(f"heading{max(1, min(4, block.level))}")
            lines = self.set_par([Span(block.text, st)], indent_chars=st.indent)
            level = st.name[-1]
            # space above a heading as whole grid lines; it vanishes at a page top
            above = [
                Slot(role="blank", discard_at_top=True, keep_with_next=True)
                for _ in range(int(self.t.rhythm.get(f"before_heading{level}", 0)))
            ]
            return above + self._slots(lines, f"heading{level}", where, keep=True)
        if block.kind is BlockKind.BYLINE:
            lines = self.set_par([Span(block.text, self.style("byline"))], justify=False)
            return self._slots(lines, "byline", where, align="right")
        if block.kind is BlockKind.IMAGE:
            return self.image_slots(block, where)
        if block.kind is BlockKind.TABLE:
            return table_slots(self, block, where)
        spans = []
        if block.runin:
            spans.append(Span(block.runin, self.style(f"heading{max(1, min(4, block.level))}")))
        if block.text:
            spans.append(Span(block.text, body))
        if not spans:
            return []
        lines = self.set_par(spans, indent_chars=body.indent, tight=self.g.fit_marks)
        return self._tightenable(self._slots(lines, "body", where), spans, body.indent)

    def image_slots(self, block: Block, where: tuple[int, int]) -> list[Slot]:
        """An image centred, at most the text width, on whole grid lines; its caption
        under it; image and caption never split over pages."""
        from ..images import pixel_size

        g = self.g
        path = asset_path(self.base, block.path, self._origin)
        px_w, px_h = pixel_size(path)
        dpi = float(self.t.rhythm.get("image_dpi", 150))
        w = min(g.text_width, px_w * 72 / dpi)
        h = w * px_h / px_w
        cap_lines = (
            self.set_par([Span(block.caption, self.style("caption"))], justify=False)
            if block.caption
            else []
        )
        # a picture filling the page leaves a point spare: a word processor's line is as
        # tall as the picture and its paragraph mark, a hair more, and would take the next
        # grid line, pushing the caption over
        max_h = (g.lines - len(cap_lines)) * g.pitch - 1.0
        if h > max_h:
            w, h = w * max_h / h, max_h
        n = max(1, math.ceil(h / g.pitch - 1e-6))
        self._para += 1
        slots = [
            Slot(
                role="image",
                keep_with_next=True,
                block=where,
                para=self._para,
                extra={"unsplittable": True},
            )
            for _ in range(n)
        ]
        slots[0].extra["image"] = (str(path), w, h, n)
        for ln in cap_lines:
            slots.append(
                Slot(
                    role="caption",
                    line=ln,
                    align="center",
                    keep_with_next=True,
                    block=where,
                    para=self._para,
                    extra={"unsplittable": True},
                )
            )
        slots[-1].keep_with_next = False
        return slots

    # -- the distribution block -------------------------------------------------------

    def footer_lines(self, issue: Issue) -> list[tuple[str, Line, str]]:
        """(kind, line, align) of the 版记 from top to bottom.

        The block is set one way on every line: when a line needs its punctuation
        compressed (to keep a recipient group on fewer lines, as the prints set the
        first group on one line, or 责任编辑 and 联系方式 on one row), every mark of the
        版记 is set at half width; otherwise none is, adjacent marks apart.
        """
        plain = self._footer(issue, half=False)
        if any(_compressed(ln) for _kind, ln, _align in plain):
            return self._footer(issue, half=True)
        return plain

    def _footer(self, issue: Issue, half: bool) -> list[tuple[str, Line, str]]:
        """The 版记's lines with its marks at half width or not. Wrapped lines align
        with the text after 送： as set. 责任编辑 and 联系方式 share a row when they fit,
        within the inset block or else across the full text width."""
        st = self.style("footer")
        lab = self.t.labels
        f = issue.footer
        inset = self.t.rhythm.get("footer_indent", 1) * st.size * self.cell_ratio
        width = self.g.text_width - 2 * inset
        out: list[tuple[str, Line, str]] = []
        label = lab["distribution"]
        label_w = len(label) * st.size * self.cell_ratio
        for i, group in enumerate(f.distribution):
            if i == 0:
                lines = self._fewest([Span(label + group.text, st)], width, label_w, half)
                if lines and len(lines[0].glyphs) > len(label):
                    label_w = lines[0].glyphs[len(label)].x  # where the text begins
                    for ln in lines[1:]:
                        ln.indent = label_w
            else:
                lines = self._fewest([Span(group.text, st)], width - label_w, 0.0, half)
                for ln in lines:
                    ln.indent += label_w
            for ln in lines:
                ln.extra["group"] = i
            out += [("group", ln, "left") for ln in lines]
        names = "　".join(align_name(n) for n in f.editors)
        left = f"{lab['editors']}{names}" if f.editors else ""
        right = f"{lab['contact']}{f.contact}" if f.contact else ""
        row = self._footer_row(left, right, width, st, half) if left and right else None
        if row is not None:
            out += row
        else:
            for kind, text in (("editors", left), ("contact", right)):
                if text:
                    out += [
                        (kind, ln, "left")
                        for ln in self.set_par(
                            [Span(text, st)], width=width, justify=False, half_marks=half
                        )
                    ]
        if f.approval:
            for ln in self.set_par(
                [Span(lab["approval"] + f.approval, st)],
                width=width,
                justify=False,
                half_marks=half,
            ):
                out.append(("approval", ln, "left"))
        return out

    def _fewest(
        self, spans: list[Span], width: float, rest_indent: float, half: bool
    ) -> list[Line]:
        """The group as body text, or with punctuation compressed if that saves a line."""
        normal = self.set_par(spans, width=width, rest_indent=rest_indent, half_marks=half)
        if len(normal) < 2:
            return normal
        tight = self.set_par(
            spans, width=width, rest_indent=rest_indent, tight=True, half_marks=half
        )
        return tight if len(tight) < len(normal) else normal

    def _footer_row(
        self, left: str, right: str, width: float, st: Style, half: bool
    ) -> list[tuple[str, Line, str]] | None:
        """责任编辑 flush left and 联系方式 flush right on one row, punctuation compressed
        if need be, within the inset block or else across the full text width; None if
        they need two rows. The gap between them is at least a space."""
        for box in (width, self.g.text_width):
            lines = self.set_par(
                [Span(f"{left} {right}", st)],
                width=box,
                justify=False,
                tight=True,
                half_marks=half,
            )
            if len(lines) != 1 or lines[0].width > box + 0.01:
                continue
            ln = lines[0]
            gap = len(left)
            slack = box - ln.width
            for g in ln.glyphs[gap + 1 :]:
                g.x += slack
            ln.width = box
            ln.extra["full_width"] = box > width
            return [("editors", ln, "left")]
        return None

    # -- the whole issue --------------------------------------------------------------

    def even_page_banji(self) -> bool:
        """Whether the template puts the 版记 on an even page (the back of a sheet)."""
        return bool(self.t.data.get("banji", {}).get("even_page", False))

    def compose(self, issue: Issue) -> Document:
        with gcpause.paused():
            return self._compose(issue)

    def _compose(self, issue: Issue) -> Document:
        g = self.g
        self.t = self.template.for_date(issue.masthead.date)
        if issue.base_dir != self.base:
            self._cache.clear()  # images are found relative to the issue
        self.base = issue.base_dir
        self._origin = issue.origin
        self._used = set()
        self._fmt = (id(self.t), tuple(sorted(self.t.rhythm.items())))
        slots: list[Slot] = []
        if issue.note:
            note = issue.note
            slots += self._kept(("note", note), lambda: self.note_slots(note, (-1, -1)))
        for ai, art in enumerate(issue.articles):
            slots += self.article_slots(ai, art, first_in_issue=(ai == 0 and not issue.note))
        pages_slots = paginate_tables(slots, g.lines, int(self.t.rhythm["masthead_lines"]))
        f = issue.footer
        footer = self._kept(
            (
                "footer",
                tuple(d.text for d in f.distribution),
                tuple(f.editors),
                f.contact,
                f.approval,
            ),
            lambda: self.footer_lines(issue),
        )
        foot_slots = sum(1 for k, ln, _ in footer if not ln.extra.get("same_slot"))
        need = foot_slots + int(self.t.rhythm.get("before_distribution", 1))
        used_last = len(pages_slots[-1]) + (
            int(self.t.rhythm["masthead_lines"]) if len(pages_slots) == 1 else 0
        )
        unnumbered = 0
        if footer:
            full = used_last + need > g.lines
            pages_slots, unnumbered = banji_pages(pages_slots, full, self.even_page_banji())
        pages: list[Page] = []
        for pi, pslots in enumerate(pages_slots):
            numbered = pi < len(pages_slots) - unnumbered
            last = footer if pi == len(pages_slots) - 1 else None
            if pi == 0 or last:
                page = self.draw_page(pi, pslots, numbered, issue, last, foot_slots)
            else:
                page = self.kept_page(pi, pslots, numbered)
            pages.append(page)
        for key in [k for k in self._cache if k not in self._used]:
            del self._cache[key]  # paragraphs gone or changed: the cache does not grow
        m = issue.masthead
        subject = self.t.labels["subject"].format(
            name=self.t.publication["name"], year=m.date.year, number=m.number
        )
        title = " / ".join(a.title_text for a in issue.articles if a.title) or subject
        return Document(
            pages=pages,
            title=f"{subject}：{title}" if issue.articles else subject,
            author=self.t.publication["author"],
            subject=subject,
            fonts={f.name: str(f.path) for f in self.fonts.faces.values()},
            date=m.date.isoformat(),
            families=self.fonts.families(),
            decisions=record(self.t, slots, pages_slots, pages, footer, unnumbered),
        )

    def kept_page(self, pi: int, pslots: list[Slot], numbered: bool) -> Page:
        """A page of text alone, the one the last layout drew when it held the very same
        slots (slots are never changed once made, and the page holds them, so none of
        them is a new object at an old one's address)."""
        key = ("page", pi, numbered, len(pslots))
        kept = self._cache.get(key + self._fmt)
        if kept is not None and all(a is b for a, b in zip(kept[0], pslots, strict=True)):
            self._used.add(key + self._fmt)
            return kept[1]
        self._cache.pop(key + self._fmt, None)
        return self._kept(key, lambda: (list(pslots), self.draw_page(pi, pslots, numbered)))[1]

    def draw_page(
        self,
        pi: int,
        pslots: list[Slot],
        numbered: bool,
        issue: Issue | None = None,
        footer: list[tuple[str, Line, str]] | None = None,
        foot_slots: int = 0,
    ) -> Page:
        """Page ``pi`` (from 0): the masthead on the first when ``issue`` is given, its
        slots on the grid, the 版记 when ``footer`` is, the folio when numbered."""
        g = self.g
        page = Page(number=pi + 1, width=g.page_width, height=g.page_height, numbered=numbered)
        first_slot = int(self.t.rhythm["masthead_lines"]) if pi == 0 else 0
        if pi == 0 and issue is not None:
            self.draw_masthead(page, issue)
        for si, slot in enumerate(pslots):
            self.place(page, slot, first_slot + si)
        draw_rules(self, page, pslots, first_slot)
        if footer:
            self.draw_footer(page, footer, foot_slots)
        if page.numbered:
            self.draw_folio(page)
        return page

    def baseline(self, slot: int, size: float) -> float:
        g = self.g
        return g.top + slot * g.pitch + (g.pitch - size) / 2 + ASCENT * size

    def place(self, page: Page, slot: Slot, index: int) -> None:
        if "table" in slot.extra:
            place_line(self, page, slot, index)
            return
        image = slot.extra.get("image")
        if image is not None:
            path, w, h, n = image
            g = self.g
            x = g.left + (g.text_width - w) / 2
            y = g.top + index * g.pitch + (n * g.pitch - h) / 2
            page.items.append(
                ImageBox(
                    x=round(x, 3), y=round(y, 3), width=round(w, 3), height=round(h, 3), path=path
                )
            )
            page.lines.append(
                LineInfo(
                    role="image",
                    text="",
                    x0=round(x, 3),
                    x1=round(x + w, 3),
                    baseline=round(y + h, 3),
                    slot=index,
                    block=slot.block,
                )
            )
            return
        if slot.line is None:
            return
        ln = slot.line
        size = ln.extra.get("size")
        if size is None:
            size = ln.extra["size"] = max(
                (gl.style.size for gl in ln.glyphs), default=self.body.size
            )
        self.put_line(
            page,
            ln,
            slot.role,
            self.baseline(index, size),
            slot.align,
            index,
            slot.block,
            self.g.left,
            self.g.text_width,
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
        page.items += glyph_runs(ln, x0, baseline, self.g.bold_stroke)
        info = ln.extra.get("info")
        if info is None:  # a set line never changes: its text and squeezes neither
            info = ln.extra["info"] = (ln.text, _taken(ln), ln.glyphs[0].index if ln.glyphs else 0)
        text, squeezed, start = info
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
        g, r, t = self.g, self.t.rhythm, self.t
        m = issue.masthead
        pitch = g.pitch

        def at(key: str) -> float:
            return g.top + float(r[key]) * pitch

        def centred(text: str, style: str, y: float) -> None:
            st = self.style(style)
            glyphs = shape([Span(text, st)], self.fonts, 1.0, self.g.latin_gap)
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
        st = self.style("masthead_issuer")
        y = at("masthead_issuer_line")
        issuer = shape(
            [Span(m.issuer or t.publication["issuer"], st)],
            self.fonts,
            self.cell_ratio,
            g.latin_gap,
        )
        date = shape([Span(t.format_date(m.date), st)], self.fonts, self.cell_ratio, g.latin_gap)
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

    def draw_footer(self, page: Page, footer: list[tuple[str, Line, str]], n_slots: int) -> None:
        g, r = self.g, self.t.rhythm
        st = self.style("footer")
        inset = r.get("footer_indent", 1) * st.size * self.cell_ratio
        first = g.lines - n_slots
        thick = length(r.get("footer_thick_rule", "0.35mm"))
        thin = length(r.get("footer_thin_rule", "0.25mm"))
        top = g.top + first * g.pitch
        page.items.append(Rule(x=g.left, y=top, width=g.text_width, thickness=thick))
        slot = first - 1
        thin_done = False
        for kind, ln, align in footer:
            if not ln.extra.get("same_slot"):
                slot += 1
            if kind in ("editors", "contact") and not thin_done:
                page.items.append(
                    Rule(x=g.left, y=g.top + slot * g.pitch, width=g.text_width, thickness=thin)
                )
                thin_done = True
            pad = 0.0 if ln.extra.get("full_width") else inset
            # 版记 lines name their part: (-2, recipient group) or (-3, row)
            part = (-2, ln.extra["group"]) if "group" in ln.extra else (-3, slot)
            self.put_line(
                page,
                ln,
                "footer",
                self.baseline(slot, st.size),
                align,
                slot,
                part,
                g.left + pad,
                g.text_width - 2 * pad,
            )
        page.items.append(Rule(x=g.left, y=g.bottom, width=g.text_width, thickness=thick))

    def draw_folio(self, page: Page) -> None:
        g = self.g
        st = self.style("page_number")
        text = self.t.labels["page_number"].format(page=page.number)
        glyphs = shape([Span(text, st)], self.fonts, 1.0)
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


class _Shorter:
    """A paragraph set one line shorter, made on pagination's first request."""

    def __init__(
        self,
        lines: list[Line],
        spans: list[Span],
        first: float,
        fonts: FontSet,
        cell_ratio: float,
        latin_gap: float,
        width: float,
        fit_marks: bool,
    ) -> None:
        self.lines, self.spans, self.first, self.fonts = lines, spans, first, fonts
        self.cell_ratio, self.latin_gap, self.width, self.fit_marks = (
            cell_ratio,
            latin_gap,
            width,
            fit_marks,
        )
        self.made: list[Line] | None = None

    def __call__(self) -> list[Line]:
        if self.made is None:
            lines, width, first = self.lines, self.width, self.first
            glyphs = [g for ln in lines for g in ln.glyphs]
            room = [width - first] + [width] * (len(lines) - 2)
            if may_fit(least_widths(glyphs)[0], glyphs, room):
                self.made = self.shorter()
            else:  # cannot be one line shorter however compressed: as set
                self.made = lines
        return self.made

    def shorter(self) -> list[Line]:
        """The paragraph one line shorter, changing as few lines as possible: the last
        lines are re-broken with punctuation compressed, the first ones stay as set."""
        glyphs = shape(self.spans, self.fonts, self.cell_ratio, self.latin_gap)
        first, width = self.first, self.width
        cls = clusters(glyphs)
        normal = break_lines(glyphs, width, first, tight=self.fit_marks, cls=cls)
        n = len(normal)
        index = {id(g): k for k, g in enumerate(glyphs)}
        least = least_widths(glyphs)
        for m in range(n - 2, -1, -1):
            start = index[id(normal[m].glyphs[0])] if m else 0
            room = [width - (first if m == 0 else 0.0)] + [width] * (n - 2 - m)
            if not may_fit(least[start], glyphs[start:], room):
                continue  # the last lines cannot be one shorter: try with more of them
            tail = break_lines(
                glyphs[start:],
                width,
                first if m == 0 else 0.0,
                tight=True,
                cls=suffix_clusters(cls, glyphs[start]),
            )
            if m + len(tail) <= n - 1:
                return normal[:m] + tail
        return normal


def lay_out(issue: Issue, t: Template, fonts: FontSet) -> Document:
    """Check coverage, then lay the issue out: a character no font has refuses before
    any output is made."""
    missing = fonts.missing(issue.all_text())
    if missing:  # named with their places, as 校对 flags them
        raise MissingGlyphsError(missing, places=coverage.places(issue, missing))
    return Composer(t, fonts).compose(issue)  # which pauses cyclic collection itself


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
    given = float(ln.extra.get("kept_spread") or 0.0)
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


def _compressed(ln: Line) -> bool:
    """Whether a mark of the line was set narrower than adjacent marks are anyway."""
    return any(g.squeeze > g.pair + 1e-6 and not g.space for g in ln.glyphs if g.cjk)


def _split_note(note: str) -> tuple[str, str]:
    return split_note(note)  # the label as printed: the one normalisation of the text
