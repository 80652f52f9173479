"""Ctrl+F and Ctrl+H in the window: the 编辑 menu has them, finding selects the words in
the editor and brings their page into the preview, 替换 changes one hit and 全部替换 all of
them as one undo step, saying how many."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lianluo_desk.model.find import find

from .conftest import SHOTS

CTRL = Qt.KeyboardModifier.ControlModifier


def _shortcut(qtbot, w, key):
    w.activateWindow()
    w.editor.blocks.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.editor.blocks, timeout=5000)
    qtbot.keyClick(w.editor.blocks, key, CTRL)
    qtbot.waitUntil(lambda: getattr(w, "find_dialog", None) is not None, timeout=5000)
    return w.find_dialog


def test_find_jumps_to_the_words_and_their_page(qtbot, window):
    w = window
    menu = [a.text() for a in w.menuBar().actions()[1].menu().actions()]
    assert "查找(&F)…" in menu and "替换(&H)…" in menu
    dlg = _shortcut(qtbot, w, Qt.Key.Key_F)
    assert dlg.isVisible() and not dlg.b_all.isVisible()
    dlg.f_find.insert("联络")  # what an input method commits
    qtbot.keyClick(dlg.f_find, Qt.Key.Key_Return)  # 查找下一处 is the default
    assert dlg.current.spot.field == "masthead.title"  # 联络动态: the 版头 comes first
    assert dlg.find_next().spot.field == "masthead.issuer"
    assert dlg.find_next().spot.field == "title1"  # then the title
    assert w.editor.head.f_title.textCursor().selectedText() == "联络"
    hit = dlg.find_next()
    assert hit.spot.field == "text" and hit.spot.article == 0
    assert (w.ctl.article, w.ctl.block) == (0, hit.spot.block)
    assert w.editor.text.textCursor().selectedText() == "联络"
    assert "第 4 处，共" in dlg.status.text()
    # the preview shows the page of a hit far down the article
    for _ in range(8):
        hit = dlg.find_next()
    page = w.preview.page_of_block((0, hit.spot.block))[0]
    assert page > 0
    bar = w.preview.verticalScrollBar()
    top = w.preview.pages.page_top(page)
    assert top - w.preview.viewport().height() <= bar.value() <= top + w.preview.pages.height()
    dlg.f_find.setText("没有这几个字")
    assert dlg.find_next() is None and "未找到" in dlg.status.text()


def test_replace_one_and_all_with_one_undo_step(qtbot, window):
    w = window
    w.ctl.select(0, 0)
    box = w.editor.text
    at = box.toPlainText().index("培训")
    cursor = box.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + 2, cursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)
    dlg = _shortcut(qtbot, w, Qt.Key.Key_H)
    assert dlg.b_all.isVisible() and dlg.f_replace.isVisible()
    assert dlg.f_find.text() == "培训"  # the words selected are proposed
    total = len(find(w.issue, "培训"))
    dlg.f_replace.setText("研修")
    dlg.find_next()
    steps = w.undo_stack.index()
    dlg.replace_one()
    assert len(find(w.issue, "培训")) == total - 1 and len(find(w.issue, "研修")) == 1
    assert w.undo_stack.index() == steps + 1
    assert dlg.current is not None and dlg.current.text == "培训"  # on to the next
    dlg.b_all.click()
    assert not find(w.issue, "培训") and len(find(w.issue, "研修")) == total
    assert dlg.status.text() == f"已替换 {total - 1} 处"
    assert w.undo_stack.index() == steps + 2
    SHOTS.mkdir(exist_ok=True)
    w.resize(1366, 768)
    w.grab().save(str(SHOTS / "replace-window.png"))
    dlg.grab().save(str(SHOTS / "replace-dialog.png"))
    w.undo_stack.undo()
    assert len(find(w.issue, "培训")) == total - 1
    with qtbot.waitSignal(w.layout_ready, timeout=20000):
        pass
    printed = "".join(ln.text for p in w.doc.pages for ln in p.lines)
    assert "研修" in printed


def test_a_hit_of_another_issue_is_not_replaced(qtbot, window, monkeypatch):
    from .test_issue_bound import _new_issue_by_ctrl_n

    w = window
    dlg = _shortcut(qtbot, w, Qt.Key.Key_H)
    dlg.f_find.setText("培训")
    dlg.f_replace.setText("X")
    assert dlg.find_next() is not None
    dlg.close()
    _new_issue_by_ctrl_n(qtbot, w, monkeypatch)
    assert dlg.current is None
    steps = w.undo_stack.index()
    dlg.replace_one()  # finds anew in the new issue: nothing there
    assert w.undo_stack.index() == steps and "未找到" in dlg.status.text()


def test_a_hit_in_a_table_cell_is_selected_in_the_cell(qtbot, window, tmp_path):
    from ..tabledata import write_docx

    w = window
    n, _failed = w.import_files([write_docx(tmp_path / "t.docx", rows=4)])
    assert n == 1
    dlg = _shortcut(qtbot, w, Qt.Key.Key_F)
    dlg.f_find.setText("第3项")
    hit = dlg.find_next()
    assert hit.spot.field.startswith("cell ")
    assert w.editor.table.isVisible() and w.editor.table.cell == (3, 1)
    assert w.editor.table.text.textCursor().selectedText() == "第3项"
