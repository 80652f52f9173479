"""Live preview of the laid-out pages, painted from the box tree (no PDF round trip):
zoom (Ctrl+wheel, fit width, fit page), go to a page, and marks in the margin beside the
paragraphs with 校对 findings and pending 修订/批注."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from ..layout.boxes import Document, LineInfo
from .qtpainter import QtPagePainter

GAP = 16  # px between pages
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.25, 4.0, 1.25
# a paragraph's mark in the page's left margin: 校对 findings, pending 修订/批注
MARK_COLOURS = {"proof": QColor("#e66100"), "review": QColor("#1c71d8")}
MARK_X, MARK_W = 40.0, 8.0  # pt from the sheet's left edge; the text starts at 79 pt


class PagesWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.painter: QtPagePainter | None = None
        self.zoom = 0.8  # px per pt
        self.marks: dict[tuple[int, int], set[str]] = {}  # (article, block) → kinds
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
            if self.marks:
                self._paint_marks(qp, page.lines)
            qp.restore()
        qp.end()

    def _paint_marks(self, qp: QPainter, lines: list[LineInfo]) -> None:
        for ln in lines:
            kinds = self.marks.get(ln.block)
            for k, kind in enumerate(sorted(kinds or ())):
                x = MARK_X + k * (MARK_W + 2)
                qp.fillRect(QRectF(x, ln.baseline - 16, MARK_W, 21), MARK_COLOURS[kind])


class PreviewView(QScrollArea):
    """Scrollable pages; ``show_block`` scrolls to the page of the paragraph edited.
    The zoom follows the view's width (``fit`` "width"), shows a whole page ("page"),
    or stays as the editor set it (None)."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = PagesWidget()
        self.setWidget(self.pages)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.fit: str | None = "width"

    def set_document(self, doc: Document) -> None:
        self.pages.set_document(doc)
        self._fit()

    def _fit(self) -> None:
        """Pages as wide as the view, or a whole page in it (the scroll position stays
        where the editor was)."""
        doc = self.pages.doc
        if not (doc and doc.pages) or self.fit is None:
            return
        page = doc.pages[0]
        zoom = (self.viewport().width() - 2 * GAP - 4) / page.width
        if self.fit == "page":
            zoom = min(zoom, (self.viewport().height() - 2 * GAP) / page.height)
        self._apply(max(ZOOM_MIN if self.fit == "page" else 0.3, zoom))

    def _apply(self, zoom: float) -> None:
        """Set the zoom, keeping the point at the view's centre where it was."""
        bar = self.verticalScrollBar()
        old = self.pages.zoom
        centre = (bar.value() + self.viewport().height() / 2) / max(old, 1e-6)
        self.pages.zoom = zoom
        self.pages.resize(self.pages.sizeHint())
        bar.setValue(int(centre * zoom - self.viewport().height() / 2))
        if abs(zoom - old) > 1e-9:
            self.zoom_changed.emit(zoom)

    def set_zoom(self, zoom: float) -> None:
        self.fit = None
        self._apply(min(ZOOM_MAX, max(ZOOM_MIN, zoom)))

    def zoom_in(self) -> None:
        self.set_zoom(self.pages.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.pages.zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self.fit = "width"
        self._fit()

    def fit_page(self) -> None:
        self.fit = "page"
        self._fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.pages.zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def show_page(self, index: int) -> None:
        """Scroll so that page ``index`` starts at the top of the view."""
        self.verticalScrollBar().setValue(max(0, self.pages.page_top(index) - GAP // 2))

    def current_page(self) -> int:
        """The page at the top of the view."""
        doc = self.pages.doc
        if not doc or not doc.pages:
            return -1
        step = doc.pages[0].height * self.pages.zoom + GAP
        at = self.verticalScrollBar().value() + GAP
        return min(len(doc.pages) - 1, max(0, int(at / step)))

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
