"""PDF painter (reportlab canvas): fonts embedded as subsets, text in reading order,
byte-identical output for identical input (``invariant``)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..fsutil import atomic_write_bytes
from ..layout.boxes import Document, GlyphRun, ImageBox, Page, Rule
from .painter import paint

CREATOR = "lianluo_desk"


class PdfPainter:
    def __init__(self, doc: Document, fh: io.BytesIO) -> None:
        first = doc.pages[0]
        # the canvas writes its initial font into every page; make it an embedded one
        fonts = [it.font for pg in doc.pages for it in pg.items if isinstance(it, GlyphRun)]
        self.c = Canvas(
            fh,
            pagesize=(first.width, first.height),
            invariant=1,
            pageCompression=1,
            pdfVersion=(1, 4),
            initialFontName=fonts[0] if fonts else None,
            initialFontSize=16,
        )
        self.c.setTitle(doc.title)
        self.c.setAuthor(doc.author)
        self.c.setSubject(doc.subject)
        self.c.setCreator(CREATOR)
        self.c.setProducer(CREATOR)
        self.h = first.height
        self._tc = 0.0  # character spacing in force: text state outlives BT … ET
        self._colors: dict[str, HexColor] = {}

    def color(self, hexstr: str) -> HexColor:
        col = self._colors.get(hexstr)
        if col is None:
            col = self._colors[hexstr] = HexColor(hexstr)
        return col

    def begin_page(self, page: Page) -> None:
        self.c.setPageSize((page.width, page.height))
        self.h = page.height
        self._tc = 0.0  # each page's content stream starts from the default state

    def glyph_run(self, run: GlyphRun) -> None:
        t = self.c.beginText(run.x, self.h - run.y)
        t.setFont(run.font, run.size)
        col = self.color(run.color)
        if run.bold:
            # faux bold: fill and stroke the outlines. The render mode is graphics state
            # that outlives the text object, so the run is drawn inside q … Q.
            self.c.saveState()
        # Every run states its spacing (Tc), zero included, unless it is already in force:
        # a run without spacing after a justified one would otherwise inherit it.
        if run.char_space != self._tc:
            t.setCharSpace(run.char_space)
        t.setFillColor(col)
        if run.bold:
            t.setTextRenderMode(2)
            self.c.setStrokeColor(col)
            self.c.setLineWidth(run.bold)
        font = pdfmetrics.getFont(run.font)
        pieces = font.splitString(run.text, self.c._doc) if font._dynamicFont else []
        if len(pieces) <= 1:
            t.textOut(run.text)
        else:
            # A run spanning several 256-glyph subsets is written one subset at a time,
            # each from its own origin: readers that drop the character spacing after
            # the last glyph of a string (pdfminer does) then still see true positions.
            x, i = run.x, 0
            for _subset, data in pieces:
                seg = run.text[i : i + len(data)]
                t.setTextOrigin(x, self.h - run.y)
                t.textOut(seg)
                x += font.stringWidth(seg, run.size) + run.char_space * len(seg)
                i += len(data)
        self.c.drawText(t)
        if run.bold:
            self.c.restoreState()  # Tc set inside q … Q is undone with it
        else:
            self._tc = run.char_space

    def rule(self, rule: Rule) -> None:
        self.c.setStrokeColor(self.color(rule.color))
        self.c.setLineWidth(rule.thickness)
        y = self.h - rule.y
        self.c.line(rule.x, y, rule.x + rule.width, y)

    def image(self, image: ImageBox) -> None:
        self.c.drawImage(
            image.path, image.x, self.h - image.y - image.height, image.width, image.height
        )

    def end_page(self, page: Page) -> None:
        self.c.showPage()

    def finish(self) -> None:
        self.c.save()


def render_pdf(doc: Document) -> bytes:
    buf = io.BytesIO()
    painter = PdfPainter(doc, buf)
    paint(doc, painter)
    painter.finish()
    return buf.getvalue()


def write_pdf(doc: Document, path: Path) -> int:
    data = render_pdf(doc)
    atomic_write_bytes(Path(path), data)
    return len(data)
