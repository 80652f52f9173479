"""The 页面 list shows each page's picture, painted from the box tree a few pages at a
time so that the window keeps answering (the event loop's longest pause is measured on
a 30-odd-page issue), and after an edit only the pages that changed are painted again."""

from copy import deepcopy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QListWidget

from lianluo_desk.model.store import save_issue

from .conftest import close_window, open_window
from .stalls import StallMeter

STALL_MS = 100


def _ink(item) -> float:
    """The share of the picture's pixels that are not white."""
    img = item.icon().pixmap(item.listWidget().iconSize()).toImage()
    dark = sum(
        1
        for y in range(0, img.height(), 2)
        for x in range(0, img.width(), 2)
        if img.pixelColor(x, y).lightness() < 200
    )
    return dark / ((img.height() // 2) * (img.width() // 2))


def test_page_pictures_without_freezing_and_painted_again_only_where_changed(
    qtbot, tmp_path, big_issue
):
    from lianluo_desk.ui.thumbnails import DONE

    path = tmp_path / "big.json"
    save_issue(deepcopy(big_issue), path)
    w = open_window(qtbot, tmp_path / "lib", path)
    try:
        qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=60000)
        dock = next(d for d in w.findChildren(QDockWidget) if d.windowTitle() == "页面")
        dock.show()
        pages = dock.findChild(QListWidget)
        n = len(w.doc.pages)
        assert n >= 25 and pages.count() == n
        pages.cache.clear()
        pages.rendered = 0
        with StallMeter() as meter:
            pages.fill()
            qtbot.waitUntil(lambda: not pages.pending(), timeout=30000)
        assert meter.worst_ms < STALL_MS, meter.worst_ms
        assert pages.rendered == n
        assert all(pages.item(i).data(DONE) for i in range(n))
        assert _ink(pages.item(0)) > 0.02  # the masthead's red and the text
        assert pages.item(0).text() == "第 1 页"

        # one paragraph of the last article edited: the pages before it come from the cache
        before = pages.rendered
        last = len(w.issue.articles) - 1
        w.ctl.select(last, 0, 0)
        w.editor.text.insertPlainText("改")
        qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=60000)
        qtbot.waitUntil(lambda: not pages.pending(), timeout=30000)
        again = pages.rendered - before
        assert 1 <= again < n // 3, again

        rect = pages.visualItemRect(pages.item(5))
        qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert w.preview.current_page() == 5
    finally:
        close_window(w)


def test_a_hidden_page_list_paints_nothing_until_shown(qtbot, window):
    dock = next(d for d in window.findChildren(QDockWidget) if d.windowTitle() == "页面")
    pages = dock.findChild(QListWidget)
    assert not dock.isVisible()
    pages.fill()
    qtbot.wait(100)
    assert pages.rendered == 0 and not pages.pending()
    dock.show()
    qtbot.waitUntil(lambda: pages.rendered == pages.count() > 0, timeout=10000)
