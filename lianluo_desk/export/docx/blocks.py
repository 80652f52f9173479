"""Notes, titles and article blocks as paragraphs of the named styles, with the blank
lines the layout's flow holds before each (kept ones as empty paragraphs, space above a
title or heading as space that a page top drops, as the layout drops it) and the
compression it chose carried in the runs, all read from the layout's record."""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from ... import docxcontract as dc
from ...layout.decisions import (
    Decisions,
    Key,
    Lines,
    block_key,
    note_key,
    subtitle_key,
    title_key,
)
from ...model.assets import asset_path
from ...model.issue import Article, Block, BlockKind, Issue
from ...template import Template
from ...textnorm import split_note
from .redline import Redline
from .styles import NOTE_LABEL_STYLE
from .table import write_table
from .text import add_text
from .xml import PPR_ORDER, el, grid_pitch, put


def _style_of(b: Block) -> str:
    if b.kind is BlockKind.HEADING:
        return dc.HEADING[max(1, min(4, b.level))]
    return dc.BYLINE if b.kind is BlockKind.BYLINE else dc.BODY


class ArticleWriter:
    def __init__(
        self,
        d: Any,
        t: Template,
        issue: Issue,
        decisions: Decisions,
        redline: Redline | None = None,
    ) -> None:
        self.d, self.t, self.issue, self.decisions = d, t, issue, decisions
        self.redline = redline
        self._marks = 0
        self._blanked: set[Key] = set()  # paragraphs whose blank lines above are written
        self._style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def mark(self, p: Any, target: str) -> None:
        """A hidden bookmark around the paragraph naming the block it holds (the scheme
        is docxcontract's): Word, WPS and LibreOffice keep them, so a reviewed copy maps
        back to the issue's blocks."""
        self._marks += 1
        start = el("w:bookmarkStart", id=str(self._marks), name=dc.bookmark(target))
        ppr = p._p.pPr
        if ppr is not None:
            ppr.addnext(start)
        else:
            p._p.insert(0, start)
        p._p.append(el("w:bookmarkEnd", id=str(self._marks)))

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """The id a named style is applied by, looked up once: python-docx walks every
        style of the document for the default one each time a paragraph or run is given
        a style (a millisecond each, most of the DOCX's time)."""
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = self.d.part.get_style_id(self.d.styles[name], kind)
        return self._style_ids[key]

    def para(self, style: str) -> Any:
        """A new paragraph of the named style, as ``add_paragraph(style=…)`` makes it."""
        p = self.d.add_paragraph()
        p._p.style = self.style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return p

    def text(self, style: str, tstyle: str, text: str, key: Key | None) -> Any:
        p = self.para(style)
        if text:
            lines = self.decisions.lines(key) if key is not None else Lines()
            add_text(p, self.t, tstyle, text, lines.squeezed, breaks=lines.starts)
        return p

    def note(self, text: str, article: int) -> None:
        """The 编者按 of an article, or of the issue when ``article`` is -1."""
        label, rest = split_note(text)
        self.blanks(note_key(article))
        p = self.para(dc.NOTE)
        self.mark(p, dc.note_target(article))
        lines = self.decisions.lines(note_key(article))
        sq, breaks = lines.squeezed, lines.starts
        if label:
            add_text(
                p,
                self.t,
                "note_label",
                label,
                sq,
                breaks=breaks,
                char_style_id=self.style_id(NOTE_LABEL_STYLE, WD_STYLE_TYPE.CHARACTER),
            )
        add_text(p, self.t, "note", rest, sq, offset=len(label), breaks=breaks)

    def space_before(self, p: Any, lines: int) -> None:
        """Space above the paragraph in whole grid lines."""
        put(
            p._p.get_or_add_pPr(),
            el("w:spacing", before=str(lines * grid_pitch(self.t)), beforeLines=str(100 * lines)),
            PPR_ORDER,
        )

    def blanks(self, key: Key) -> int:
        """The blank lines the layout's flow holds before the paragraph: those kept with
        it written as empty paragraphs kept with the next; returned, the number of grid
        lines of space above it that vanish at a page top, as in the layout."""
        if key in self._blanked:
            return 0
        self._blanked.add(key)
        before = self.decisions.blanks_before(key)
        for _ in range(before.kept):
            p = self.para(dc.BODY)
            put(p._p.get_or_add_pPr(), el("w:keepNext"), PPR_ORDER)
        return before.space

    def article(self, ai: int, art: Article) -> None:
        if art.note:
            self.note(art.note, ai)
        if art.title:
            above = self.blanks(title_key(ai))
            title = self.para(dc.TITLE)
            if above:
                self.space_before(title, above)
            self.mark(title, dc.title_target(ai))
            lines = self.decisions.title_lines(ai)  # where the layout broke the title
            for k, line in enumerate(lines):
                sq = self.decisions.title_line(ai, k)
                add_text(title, self.t, "title", line, sq, flowing=False)
                if k < len(lines) - 1:
                    title.runs[-1].add_break()
        if art.subtitle:
            self.blanks(subtitle_key(ai))
            self.mark(
                self.text(dc.SUBTITLE, "subtitle", art.subtitle, subtitle_key(ai)),
                dc.subtitle_target(ai),
            )
        if self.redline is None:
            for bi, b in enumerate(art.blocks):
                self.block(ai, bi, b)
            return
        if art.blocks:  # those under the title stay there, above text struck out
            self.blanks(block_key(ai, 0))
        bi = 0
        for old, new in self.redline.counterpart(ai, art):
            if new is None:  # deleted since: its text struck through
                assert old is not None
                self.redline.runs(self.para(dc.BODY), old.full_text, "")
                continue
            if old is None or old.full_text != new.full_text:
                self.blanks(block_key(ai, bi))  # kept blank lines; no space above
            if old is not None and old.full_text != new.full_text:
                p = self.para(_style_of(new))
                self.mark(p, dc.block_target(ai, bi))
                self.redline.runs(p, old.full_text, new.full_text)
            elif old is None:
                p = self.para(_style_of(new))
                self.mark(p, dc.block_target(ai, bi))
                self.redline.runs(p, "", new.full_text)
            else:
                self.block(ai, bi, new)
            bi += 1

    def block(self, ai: int, bi: int, b: Block) -> None:
        key = block_key(ai, bi)
        above = self.blanks(key)
        if b.kind is BlockKind.HEADING:
            level = max(1, min(4, b.level))
            h = self.text(dc.HEADING[level], f"heading{level}", b.text, key)
            self.mark(h, f"{ai}_{bi}")
            # written also where our page starts with the heading: a heading moved over
            # with its first line must not fit on the page before in the word processor
            # either, and its space vanishes at the page top there as here
            if above:
                self.space_before(h, above)
            if block_key(ai, bi + 1) in self.decisions.page_tops:
                # the layout broke a run of headings too long to move whole after this
                # one: the word processor, keeping the run together, must break it here
                put(h._p.get_or_add_pPr(), el("w:keepNext", val="0"), PPR_ORDER)
        elif b.kind is BlockKind.BYLINE:
            self.mark(self.text("署名", "byline", b.text, key), f"{ai}_{bi}")
        elif b.kind is BlockKind.IMAGE:
            caption = self.image(b, (ai, bi))
            if caption is not None:  # the caption is the image block's text for review
                self.mark(caption, f"{ai}_{bi}")
        elif b.kind is BlockKind.TABLE:
            write_table(self, ai, bi, b)
        else:
            p = self.para(dc.BODY)
            self.mark(p, dc.block_target(ai, bi))
            lines = self.decisions.lines(key)
            sq, breaks = lines.squeezed, lines.starts
            if b.runin:
                level = max(1, min(4, b.level))
                add_text(
                    p,
                    self.t,
                    f"heading{level}",
                    b.runin,
                    sq,
                    breaks=breaks,
                    char_style_id=self.style_id(dc.RUNIN[level], WD_STYLE_TYPE.CHARACTER),
                )
            if b.text:
                add_text(p, self.t, "body", b.text, sq, offset=len(b.runin or ""), breaks=breaks)

    def image(self, b: Block, where: tuple[int, int]) -> Any:
        """The picture's paragraph, then its caption's (returned; None without one); the
        picture as wide as the layout set it (one taller than a page made smaller), the
        caption's lines as it set them."""
        path = asset_path(self.issue.base_dir, b.path, self.issue.origin)
        width = self.decisions.pictures[where].width
        pic = self.para("图题")
        put(pic._p.get_or_add_pPr(), el("w:spacing", line="240", lineRule="auto"), PPR_ORDER)
        # the picture's line is as tall as the picture: a 1 pt face adds no descent under
        # it that would take the word processor's line a grid line past the layout's
        mark = el("w:rPr")
        mark.append(el("w:sz", val="2"))
        put(pic._p.get_or_add_pPr(), mark, PPR_ORDER)
        run = pic.add_run()
        run.font.size = Pt(1)
        run.add_picture(str(path), width=Pt(width))
        if not b.caption:
            return None
        # its lines and squeezes as the layout set them
        return self.text("图题", "caption", b.caption, block_key(*where))
