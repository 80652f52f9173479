"""Seeing the page: the preview zooms (Ctrl+wheel, Ctrl+= / Ctrl+−, fit width, fit
page), lists its pages and goes to one (the 页面 list, Ctrl+G), and marks in the margin
the paragraphs with 校对 findings and pending 修订/批注."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QInputDialog, QListWidget

from .conftest import SHOTS
from .test_window import reviewed_docx  # noqa: F401 - the fixture


def _wheel(widget, dy, modifiers):
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_ctrl_wheel_and_keys_zoom_and_fit(qtbot, window):
    w = window
    view = w.preview
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=3000)
    fitted = view.pages.zoom
    _wheel(view.viewport(), 120, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.zoom > fitted * 1.2
    _wheel(view.viewport(), -240, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.zoom < fitted
    zoom = view.pages.zoom
    _wheel(view.viewport(), -120, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls
    assert view.pages.zoom == zoom
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.zoom > zoom
    zoom = view.pages.zoom
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.pages.zoom < zoom
    page = w.doc.pages[0]
    view.fit_page()
    tall, wide = page.height * view.pages.zoom, page.width * view.pages.zoom
    assert tall <= view.viewport().height() and wide <= view.viewport().width()
    assert tall > view.viewport().height() * 0.8 or wide > view.viewport().width() * 0.8
    view.fit_width()
    width = page.width * view.pages.zoom
    assert view.viewport().width() - 60 < width <= view.viewport().width()
    w.resize(w.width() - 100, w.height())  # fit width follows the view
    qtbot.waitUntil(lambda: page.width * view.pages.zoom <= view.viewport().width(), timeout=3000)


def test_page_list_and_go_to_page(qtbot, window, monkeypatch):
    w = window
    view = w.preview
    dock = next(d for d in w.findChildren(QDockWidget) if d.windowTitle() == "页面")
    dock.show()
    pages = dock.findChild(QListWidget)
    assert pages.count() == len(w.doc.pages) == 6
    assert pages.item(0).text().startswith("第 1 页")
    view.set_zoom(1.0)
    rect = pages.visualItemRect(pages.item(3))
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_page() == 3
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (2, True))
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert view.current_page() == 1


def _marked(image, colour, tolerance=30):
    """How many pixels of ``image`` (a QImage) have about ``colour``."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    rgb = Image.open(io.BytesIO(bytes(buf.data()))).convert("RGB")
    target = (colour.red(), colour.green(), colour.blue())
    return sum(
        n
        for n, px in rgb.getcolors(maxcolors=1 << 24) or []
        if all(abs(a - b) <= tolerance for a, b in zip(px, target, strict=True))
    )


def test_findings_and_pending_review_marked_in_the_margin(qtbot, window, reviewed_docx):  # noqa: F811
    from lianluo_desk.ui.preview import MARK_COLOURS

    w = window
    view = w.preview
    assert not view.pages.marks  # the sample is clean
    with qtbot.waitSignal(w.layout_ready, timeout=20000):
        text = "有半角逗号,在这里。"
        w.push("半角逗号", lambda i: setattr(i.articles[0].blocks[2], "text", text))
    finding = next(f for f in w.ctl.findings if f.article >= 0 and f.block >= 0)
    assert (finding.article, finding.block) == (0, 2)
    view.set_zoom(1.0)
    assert "proof" in view.pages.marks.get((finding.article, finding.block), set())
    page = view.show_block((finding.article, finding.block))
    assert page >= 0
    shot = view.pages.grab()
    assert _marked(shot.toImage(), MARK_COLOURS["proof"]) > 50
    _issue, path = reviewed_docx
    n = w.open_review(path)
    assert n > 0
    pending = {(c.target[0], c.target[1]) for c in w.review.changes if c.target is not None}
    assert pending and all("review" in view.pages.marks.get(t, set()) for t in pending)
    where = sorted(pending)[0]
    view.show_block(where)
    assert _marked(view.pages.grab().toImage(), MARK_COLOURS["review"]) > 50
    SHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SHOTS / "preview-marks.png"))
