"""A first start that guides: an empty library shows a start page (新建一期, 打开,
导入往期) and no numbering warning; the sample opens only on request (the start page's
link, ``open --sample``, which README's ``scripts/run.sh`` → ``main.py`` uses)."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from lianluo_desk.service import SAMPLE_ISSUE

from .conftest import SHOTS, close_window


def _start(qtbot, lib, **kw):
    from lianluo_desk.ui.app import make_app, start_window

    make_app()
    w = start_window(lib, **kw)
    w.quiet = True
    w.resize(1366, 740)
    w.show()
    qtbot.waitUntil(lambda: w.doc is not None, timeout=20000)
    return w


def _page(w):
    from lianluo_desk.ui.start_page import StartPage

    pages = [p for p in w.findChildren(StartPage) if p.isVisible()]
    return pages[0] if pages else None


def _visible_texts(w):
    return [lb.text() for lb in w.findChildren(QLabel) if lb.isVisible()]


def test_an_empty_library_shows_the_start_page(qtbot, tmp_path, monkeypatch):
    from lianluo_desk.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "offer_recovery", lambda self, asked=False: False)
    lib = tmp_path / "lib"
    w = _start(qtbot, lib)
    page = _page(w)
    assert page is not None
    texts = [b.text() for b in page.findChildren(QPushButton)]
    for want in ("新建一期", "打开", "导入往期"):
        assert any(t.startswith(want) for t in texts), texts
    assert w.path is None and not (lib / "示例-联络动态.json").exists()
    assert not any("期号不连续" in t or "缺第" in t for t in _visible_texts(w))
    assert "期号不连续" not in w.statusBar().currentMessage()
    assert page.geometry().width() == w.width() and page.geometry().height() > 600
    SHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SHOTS / "start-page-1366.png"))

    # 打开 an issue file from the page: the page goes, the issue is there
    mine = tmp_path / "mine.lld"
    shutil.copy(SAMPLE_ISSUE, mine)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(mine), ""))
    qtbot.mouseClick(page.buttons["打开刊物文件"], qtbot_left())
    assert w.path == mine and w.issue.articles
    qtbot.waitUntil(lambda: _page(w) is None, timeout=3000)
    close_window(w)


def test_the_sample_only_on_request(qtbot, tmp_path, monkeypatch):
    from lianluo_desk.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "offer_recovery", lambda self, asked=False: False)
    lib = tmp_path / "lib"
    w = _start(qtbot, lib)
    qtbot.mouseClick(_page(w).buttons["示例"], qtbot_left())
    assert w.path == lib / "示例-联络动态.json" and w.issue.articles
    assert str(w.path) not in w._recent()  # looked at, not the next start's issue
    qtbot.waitUntil(lambda: _page(w) is None, timeout=3000)
    close_window(w)
    w = _start(qtbot, tmp_path / "lib2", sample=True)
    assert w.path.name == "示例-联络动态.json" and _page(w) is None
    close_window(w)


def test_new_issue_from_the_start_page(qtbot, tmp_path, monkeypatch):
    import datetime as dt

    from lianluo_desk.ui import new_issue_dialog
    from lianluo_desk.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "offer_recovery", lambda self, asked=False: False)
    monkeypatch.setattr(MainWindow, "ask", lambda self, *_a: False)  # no import first

    def accept(dialog):
        from PySide6.QtCore import QDate

        dialog.f_date.setDate(QDate(2022, 8, 15))
        return 1

    monkeypatch.setattr(new_issue_dialog.NewIssueDialog, "exec", accept)
    w = _start(qtbot, tmp_path / "lib")
    qtbot.mouseClick(_page(w).buttons["新建一期"], qtbot_left())
    assert w.issue.masthead.date == dt.date(2022, 8, 15)
    qtbot.waitUntil(lambda: _page(w) is None, timeout=3000)
    close_window(w)


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
