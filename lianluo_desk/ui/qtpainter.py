"""Qt painter over the box tree: the preview and printing draw exactly the glyphs, at
exactly the positions, that the PDF painter writes (QRawFont from the same font files)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QImage,
    QPainter,
    QPen,
    QRawFont,
)

from ..layout.boxes import Document, GlyphRun, ImageBox, Page, Rule


class QtPagePainter:
    """Draws pages of a ``Document`` on any QPainter (widget, printer, image).

    ``embed``: the faces are taken through Qt's font database, for a printer: Qt's PDF
    and print engines embed those, whereas a raw font read from its file they draw as
    outlines (megabytes a page, each page seconds to write)."""

    def __init__(self, doc: Document, embed: bool = False) -> None:
        self.doc = doc
        self.embed = embed
        self._fonts: dict[tuple[str, float], QRawFont] = {}
        self._images: dict[str, QImage] = {}

    def raw_font(self, name: str, size: float) -> QRawFont:
        key = (name, size)
        font = self._fonts.get(key)
        if font is None:
            path = self.doc.fonts.get(name, "")
            font = _registered(path, size) if self.embed else None
            font = font or _from_file(path, size)
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


_families: dict[str, str] = {}
_read: dict[tuple[str, float], QRawFont] = {}


def _from_file(path: str, size: float) -> QRawFont:
    """A face read from its file once for all painters: each layout gets a new painter,
    and reading the CJK faces again held the window a tenth of a second a layout."""
    font = _read.get((path, size))
    if font is None:
        if len(_read) > 64:  # sizes of other templates
            _read.clear()
        font = _read[(path, size)] = QRawFont(path, size)
    return font


def _registered(path: str, size: float) -> QRawFont | None:
    """The face of ``path`` at ``size`` as Qt's font database knows it (added once)."""
    family = _families.get(path)
    if family is None:
        fid = QFontDatabase.addApplicationFont(path) if path else -1
        found = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        family = _families[path] = found[0] if found else ""
    if not family:
        return None
    qfont = QFont(family)
    qfont.setPixelSize(max(1, round(size)))
    font = QRawFont.fromFont(qfont)
    if not font.isValid():
        return None
    font.setPixelSize(size)
    return font
