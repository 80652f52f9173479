"""What the 视图 menu adds to the preview: zoom (Ctrl+= / Ctrl+−, fit width, fit page),
the 页面 list (each page's picture; a click goes there), 转到页
(Ctrl+G), and the margin marks of 校对 findings and pending 修订/批注, kept up to date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMenu

from .thumbnails import PageList

if TYPE_CHECKING:
    from .main_window import MainWindow


def marks(window: MainWindow) -> dict[tuple[int, int], set[str]]:
    """(article, block) → "proof" / "review": where the findings and pending review
    items are."""
    out: dict[tuple[int, int], set[str]] = {}
    for f in window.ctl.findings:
        out.setdefault((f.article, f.block), set()).add("proof")
    review = window.review
    decided = set(getattr(review, "accepted", set())) | set(getattr(review, "rejected", set()))
    for c in getattr(review, "changes", []):
        if c.target is not None and c.number not in decided:
            out.setdefault((c.target[0], c.target[1]), set()).add("review")
    return out


def refresh_marks(window: MainWindow) -> None:
    window.preview.pages.marks = marks(window)
    window.preview.pages.update()


def go_to_page(window: MainWindow) -> None:
    doc = window.ctl.doc
    count = len(doc.pages) if doc else 0
    if not count:
        return
    page, ok = QInputDialog.getInt(
        window, "转到页", f"页码（1–{count}）：", window.preview.current_page() + 1, 1, count
    )
    if ok:
        window.preview.show_page(page - 1)


def install(window: MainWindow, menu: QMenu) -> QDockWidget:
    """The zoom and page actions in ``menu``, the 页面 dock, the marks."""
    view = window.preview
    for text, keys, slot in (
        ("放大", ["Ctrl+=", "Ctrl++"], view.zoom_in),
        ("缩小", ["Ctrl+-"], view.zoom_out),
        ("适合宽度", [], view.fit_width),
        ("适合整页", [], view.fit_page),
        ("转到页…", ["Ctrl+G"], lambda: go_to_page(window)),
    ):
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, s=slot: s())
        menu.addAction(action)
    pages = PageList(window)
    dock = QDockWidget("页面", window)
    dock.setObjectName("页面")
    dock.setWidget(pages)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()  # shown from the 视图 menu
    menu.addAction(dock.toggleViewAction())
    ctl = window.ctl
    ctl.layout_ready.connect(pages.fill)
    ctl.layout_ready.connect(lambda: refresh_marks(window))
    ctl.changed.connect(lambda _light: refresh_marks(window))
    window.review.title_changed.connect(lambda _t: refresh_marks(window))
    return dock
