"""Collect: the issue into the flow's grid lines. The issue's note, each article's head
(note, title, subtitle and the blank lines round them) and its blocks (paragraphs,
headings, bylines, pictures, tables) become typed items (``items.py``), set paragraphs kept between
layouts."""

from __future__ import annotations

import math
from pathlib import Path

from ...model.assets import asset_path
from ...model.issue import Article, Block, BlockKind, Issue
from ...textnorm import split_note
from ..linebreak import Line, Span
from ..table import table_slots
from ..titles import title_lines
from .items import Blank, FlowItem, Paragraphs, Picture, PictureLine, TextLine
from .kept import Kept
from .setting import Setting
from .shorter import offer_shorter


class Collector:
    """Makes the items of one issue after another (the app's composer keeps one)."""

    def __init__(self, setting: Setting, kept: Kept, paragraphs: Paragraphs) -> None:
        self.s = setting
        self.kept = kept
        self.paragraphs = paragraphs
        self.base = Path.cwd()  # the folder pictures are found relative to
        self.origin = ""

    def issue_slots(self, issue: Issue) -> list[FlowItem]:
        """The flow of the whole issue: its note, then each article."""
        slots: list[FlowItem] = []
        if issue.note:
            note = issue.note
            slots += self.kept.get(("note", note), lambda: self.note_slots(note, (-1, -1)))
        for ai, art in enumerate(issue.articles):
            slots += self.article_slots(ai, art, first_in_issue=(ai == 0 and not issue.note))
        return slots

    def _slots(
        self,
        lines: list[Line],
        role: str,
        block: tuple[int, int] = (-1, -1),
        align: str = "left",
        keep: bool = False,
    ) -> list[TextLine]:
        para = self.paragraphs.next()
        return [
            TextLine(role, ln, align, keep_with_next=keep, block=block, para=para) for ln in lines
        ]

    def article_slots(self, ai: int, article: Article, first_in_issue: bool) -> list[FlowItem]:
        key = ("head", ai, tuple(article.title), article.subtitle, article.note, first_in_issue)
        slots = list(self.kept.get(key, lambda: self.head_slots(ai, article, first_in_issue)))
        for bi, block in enumerate(article.blocks):
            slots += self.block_slots(block, (ai, bi))
        return slots

    def head_slots(self, ai: int, article: Article, first_in_issue: bool) -> list[FlowItem]:
        """The article's note, title and subtitle with the blank lines around them."""
        s = self.s
        slots: list[FlowItem] = []
        if article.note:
            slots += self.note_slots(article.note, (ai, -1))
        if article.title:
            r = s.t.rhythm
            if not first_in_issue or article.note:
                # blank lines above a title vanish at a page top, unless the format
                # keeps them there (then they travel with the title)
                keep = bool(r.get("keep_blank_at_top", False))
                for _ in range(int(r.get("before_title", 1))):
                    slots.append(Blank(discard_at_top=not keep, keep_with_next=keep))
            st = s.style("title")
            for group in title_lines(article, s.t):
                for text in group:
                    lines = s.set_par([Span(text, st)], justify=False)
                    slots += self._slots(lines, "title", (ai, -1), "center", keep=True)
            if article.subtitle:
                for _ in range(int(r.get("before_subtitle", 0))):
                    slots.append(Blank(keep_with_next=True))
                lines = s.set_par([Span(article.subtitle, s.style("subtitle"))], justify=False)
                slots += self._slots(lines, "subtitle", (ai, -1), "center", keep=True)
            for _ in range(int(r.get("after_title", 1))):
                slots.append(Blank(keep_with_next=True))
        return slots

    def note_slots(self, note: str, where: tuple[int, int]) -> list[FlowItem]:
        s = self.s
        label, rest = split_note(note)  # the label as printed: the one normalisation
        spans = []
        if label:
            spans.append(Span(label, s.style("note_label")))
        spans.append(Span(rest, s.style("note")))
        indent = s.style("note").indent
        lines = s.set_par(spans, indent_chars=indent, tight=s.g.fit_marks)
        return [*offer_shorter(s, self._slots(lines, "note", where), spans, indent)]

    def block_slots(self, block: Block, where: tuple[int, int]) -> list[FlowItem]:
        """The block's grid lines, from the cache when the block and the format in force
        are as they were (items are never changed once made)."""
        table = block.table.key() if block.table is not None else ""
        key = (where, block.kind, block.level, block.text, block.runin, block.caption, block.path)
        return self.kept.get(key + (table,), lambda: self._block_slots(block, where))

    def _block_slots(self, block: Block, where: tuple[int, int]) -> list[FlowItem]:
        s = self.s
        body = s.body
        if block.kind is BlockKind.HEADING:
            st = s.style(f"heading{max(1, min(4, block.level))}")
            lines = s.set_par([Span(block.text, st)], indent_chars=st.indent)
            level = st.name[-1]
            # space above a heading as whole grid lines; it vanishes at a page top
            above = [
                Blank(discard_at_top=True, keep_with_next=True)
                for _ in range(int(s.t.rhythm.get(f"before_heading{level}", 0)))
            ]
            return [*above, *self._slots(lines, f"heading{level}", where, keep=True)]
        if block.kind is BlockKind.BYLINE:
            lines = s.set_par([Span(block.text, s.style("byline"))], justify=False)
            return [*self._slots(lines, "byline", where, align="right")]
        if block.kind is BlockKind.IMAGE:
            return self.image_slots(block, where)
        if block.kind is BlockKind.TABLE:
            return table_slots(s, self.paragraphs, block, where)
        spans = []
        if block.runin:
            spans.append(Span(block.runin, s.style(f"heading{max(1, min(4, block.level))}")))
        if block.text:
            spans.append(Span(block.text, body))
        if not spans:
            return []
        lines = s.set_par(spans, indent_chars=body.indent, tight=s.g.fit_marks)
        return [*offer_shorter(s, self._slots(lines, "body", where), spans, body.indent)]

    def image_slots(self, block: Block, where: tuple[int, int]) -> list[FlowItem]:
        """An image centred, at most the text width, on whole grid lines; its caption
        under it; image and caption never split over pages."""
        from ...images import pixel_size

        s = self.s
        g = s.g
        path = asset_path(self.base, block.path, self.origin)
        px_w, px_h = pixel_size(path)
        dpi = float(s.t.rhythm.get("image_dpi", 150))
        w = min(g.text_width, px_w * 72 / dpi)
        h = w * px_h / px_w
        cap_lines = (
            s.set_par([Span(block.caption, s.style("caption"))], justify=False)
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
        para = self.paragraphs.next()
        picture = Picture(str(path), w, h, n)
        last = n + len(cap_lines) - 1  # the one not kept with the next
        slots: list[FlowItem] = [
            PictureLine(
                picture, k, keep_with_next=k < last, block=where, para=para, unsplittable=True
            )
            for k in range(n)
        ]
        slots += [
            TextLine(
                "caption",
                ln,
                "center",
                keep_with_next=n + j < last,
                block=where,
                para=para,
                unsplittable=True,
            )
            for j, ln in enumerate(cap_lines)
        ]
        return slots
