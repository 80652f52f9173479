"""Live preview of the laid-out pages, painted from the box tree (no PDF round trip)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from ..layout.boxes import Document
from .qtpainter import QtPagePainter

GAP = 16  # px between pages


class PagesWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.painter: QtPagePainter | None = None
        self.zoom = 0.8  # px per pt
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("#8a8f98"))
        self.setPalette(pal)

    def set_document(self, doc: Document) -> None:
        self.doc = doc
        self.painter = QtPagePainter(doc)
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def page_top(self, index: int) -> int:
        if not self.doc or not self.doc.pages:
            return 0
        h = self.doc.pages[0].height * self.zoom
        return int(GAP + index * (h + GAP))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        if not self.doc or not self.doc.pages:
            return QSize(400, 600)
        p = self.doc.pages[0]
        return QSize(int(p.width * self.zoom + 2 * GAP), self.page_top(len(self.doc.pages)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if not self.doc or not self.painter:
            return
        qp = QPainter(self)
        qp.setRenderHint(QPainter.RenderHint.Antialiasing)
        qp.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        qp.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = event.rect()
        x0 = max(GAP, (self.width() - self.doc.pages[0].width * self.zoom) / 2)
        for i, page in enumerate(self.doc.pages):
            top = self.page_top(i)
            h = page.height * self.zoom
            if top > area.bottom() or top + h < area.top():
                continue
            qp.save()
            qp.fillRect(QRectF(x0 + 3, top + 3, page.width * self.zoom, h), QColor("#555"))
            qp.translate(x0, top)
            qp.scale(self.zoom, self.zoom)
            self.painter.paint(qp, page)
            qp.restore()
        qp.end()


class PreviewView(QScrollArea):
    """Scrollable pages; ``show_block`` scrolls to the page of the paragraph edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = PagesWidget()
        self.setWidget(self.pages)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def set_document(self, doc: Document) -> None:
        self.pages.set_document(doc)
        self._fit()

    def _fit(self) -> None:
        """Pages as wide as the view (the scroll position stays where the editor was)."""
        doc = self.pages.doc
        if doc and doc.pages:
            self.pages.zoom = max(0.3, (self.viewport().width() - 2 * GAP - 4) / doc.pages[0].width)
            self.pages.resize(self.pages.sizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def page_of_block(self, block: tuple[int, int]) -> tuple[int, float] | None:
        doc = self.pages.doc
        if not doc:
            return None
        for i, page in enumerate(doc.pages):
            for ln in page.lines:
                if ln.block == block:
                    return i, ln.baseline
        return None

    def show_block(self, block: tuple[int, int]) -> int:
        where = self.page_of_block(block)
        if where is None:
            return -1
        i, y = where
        target = self.pages.page_top(i) + int(y * self.pages.zoom) - self.viewport().height() // 3
        self.verticalScrollBar().setValue(max(0, target))
        return i
