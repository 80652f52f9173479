"""The 页面 list as small pictures of the pages, painted from the box tree the preview
paints (no PDF round trip). Pictures are made a few at a time between events — a page
takes a few milliseconds, a 70-page issue all at once would hold the window a third
of a second — and kept by what is on the page, so after an edit only the pages that
changed are painted again."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from ..layout.boxes import Document, GlyphRun, ImageBox, Page
from .qtpainter import QtPagePainter

if TYPE_CHECKING:
    from .main_window import MainWindow

WIDTH = 84  # px: a thumbnail's width, an A4 page's height follows
BUDGET_MS = 12.0  # painting per turn of the event loop
KEEP = 400  # pictures kept (a few issues' pages)
DONE = Qt.ItemDataRole.UserRole + 1  # the item shows its page's picture


def fingerprint(page: Page) -> int:
    """What the page shows: equal for pages that look the same."""
    parts: list[object] = [page.width, page.height, page.number, page.numbered]
    for item in page.items:
        if isinstance(item, GlyphRun):
            parts.append((item.text, item.x, item.y, item.font, item.size, item.color))
        elif isinstance(item, ImageBox):
            parts.append((item.path, item.x, item.y, item.width, item.height))
        else:
            parts.append((item.x, item.y, item.width, item.thickness, item.color, item.vertical))
    return hash(tuple(parts))


def render(painter: QtPagePainter, page: Page, width: int = WIDTH) -> QImage:
    scale = width / page.width
    img = QImage(width, max(1, round(page.height * scale)), QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    qp = QPainter(img)
    qp.setRenderHint(QPainter.RenderHint.Antialiasing)
    qp.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    qp.scale(scale, scale)
    painter.paint(qp, page)
    qp.end()
    return img


class PageList(QListWidget):
    """第 N 页 with its picture (the first words as its tooltip); choosing one shows
    that page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        # one column of pictures, each with 第 N 页 under it: a narrow dock on 1366 px
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(WIDTH, round(WIDTH * 297 / 210)))
        self.setGridSize(QSize(WIDTH + 20, round(WIDTH * 297 / 210) + 28))
        self.setUniformItemSizes(True)
        self.itemActivated.connect(self._go)
        self.itemClicked.connect(self._go)
        self.cache: dict[int, QPixmap] = {}
        self.rendered = 0  # pages painted (not taken from the cache)
        self._doc: Document | None = None
        self._painter: QtPagePainter | None = None
        self._next = 0  # the first page still without its picture
        self._blank = QPixmap(self.iconSize())
        self._blank.fill(QColor("white"))
        self.timer = QTimer(self, interval=0)
        self.timer.timeout.connect(self._paint_some)

    def fill(self) -> None:
        doc = self.window_.ctl.doc
        keep = self.currentRow()
        self.clear()
        self._doc = doc
        self._painter = QtPagePainter(doc) if doc else None
        for i, page in enumerate(doc.pages if doc else []):
            first = next((ln.text for ln in page.lines if ln.text.strip()), "")
            label = f"第 {i + 1} 页" if first else f"第 {i + 1} 页（空白）"
            item = QListWidgetItem(QIcon(self._blank), label)
            item.setToolTip(first[:40])
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.addItem(item)
        if 0 <= keep < self.count():
            self.setCurrentRow(keep)
        self._next = 0
        if self.count() and self.isVisible():  # a hidden list paints when it is shown
            self.timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._next < self.count():
            self.timer.start()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(WIDTH + 44, 400)

    def pending(self) -> bool:
        """Pictures still to be made for the pages listed."""
        return self.timer.isActive()

    def _paint_some(self) -> None:
        doc, painter = self._doc, self._painter
        if doc is None or painter is None or self._next >= len(doc.pages):
            self.timer.stop()
            return
        start = time.perf_counter()
        while self._next < len(doc.pages) and (time.perf_counter() - start) * 1000 < BUDGET_MS:
            i = self._next
            self._next += 1
            key = fingerprint(doc.pages[i])
            picture = self.cache.get(key)
            if picture is None:
                picture = QPixmap.fromImage(render(painter, doc.pages[i]))
                self.rendered += 1
                if len(self.cache) >= KEEP:
                    self.cache.clear()
                self.cache[key] = picture
            item = self.item(i)
            if item is not None:
                item.setIcon(QIcon(picture))
                item.setData(DONE, True)

    def _go(self, item: QListWidgetItem) -> None:
        self.window_.preview.show_page(int(item.data(Qt.ItemDataRole.UserRole)))
