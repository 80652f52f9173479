"""Qt painter over the box tree: the preview and printing draw exactly the glyphs, at
exactly the positions, that the PDF painter writes (QRawFont from the same font files)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGlyphRun, QImage, QPainter, QPen, QRawFont

from ..layout.boxes import Document, GlyphRun, ImageBox, Page, Rule


class QtPagePainter:
    """Draws pages of a ``Document`` on any QPainter (widget, printer, image)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._fonts: dict[tuple[str, float], QRawFont] = {}
        self._images: dict[str, QImage] = {}

    def raw_font(self, name: str, size: float) -> QRawFont:
        key = (name, size)
        font = self._fonts.get(key)
        if font is None:
            font = QRawFont(self.doc.fonts.get(name, ""), size)
            self._fonts[key] = font
        return font

    def paint(self, p: QPainter, page: Page) -> None:
        """Paint a page in points (the caller scales the painter)."""
        p.fillRect(QRectF(0, 0, page.width, page.height), Qt.GlobalColor.white)
        for item in page.items:
            if isinstance(item, GlyphRun):
                self.glyph_run(p, item)
            elif isinstance(item, Rule):
                pen = QPen(QColor(item.color))
                pen.setWidthF(item.thickness)
                p.setPen(pen)
                p.drawLine(QPointF(item.x, item.y), QPointF(*item.end))
            elif isinstance(item, ImageBox):
                img = self._images.get(item.path)
                if img is None:
                    img = self._images[item.path] = QImage(item.path)
                p.drawImage(QRectF(item.x, item.y, item.width, item.height), img)

    def glyph_run(self, p: QPainter, run: GlyphRun) -> None:
        font = self.raw_font(run.font, run.size)
        if not font.isValid():
            return
        indexes = font.glyphIndexesForString(run.text)
        advances = font.advancesForGlyphIndexes(indexes)
        positions = []
        x = run.x
        for adv in advances:
            positions.append(QPointF(x, run.y))
            x += adv.x() + run.char_space
        glyphs = QGlyphRun()
        glyphs.setRawFont(font)
        glyphs.setGlyphIndexes(indexes)
        glyphs.setPositions(positions)
        p.setPen(QColor(run.color))
        p.drawGlyphRun(QPointF(0, 0), glyphs)
        if run.bold:  # faux bold, as the PDF strokes the outline
            p.drawGlyphRun(QPointF(run.bold / 2, 0), glyphs)
