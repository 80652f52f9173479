"""Word's habits in the real window: redo keys, Tab, pasted tabs, paragraphs merged,
split and deleted (undoable, by menu, by key), right-click menus where Word has them."""

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _focus(qtbot, w, widget):
    w.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5000)


def _texts(w, ai=0):
    return [b.text for b in w.issue.articles[ai].blocks]


def test_ctrl_y_and_ctrl_shift_z_redo_from_the_paragraph_editor(qtbot, window):
    w = window
    w.ctl.select(0, 1)
    _focus(qtbot, w, w.editor.text)
    before = _texts(w)
    w.editor.text.moveCursor(w.editor.text.textCursor().MoveOperation.End)
    w.editor.text.insertPlainText("补")
    after = _texts(w)
    for redo in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)):
        _focus(qtbot, w, w.editor.text)
        qtbot.keyClick(w.editor.text, Qt.Key.Key_Z, CTRL)
        assert _texts(w) == before  # the window's undo, not the text box's own
        _focus(qtbot, w, w.editor.text)
        qtbot.keyClick(w.editor.text, *redo)
        assert _texts(w) == after
    _focus(qtbot, w, w.editor.blocks)
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_Y, CTRL)
    assert _texts(w) == after


def test_tab_leaves_the_editor_and_pasted_tabs_go(qtbot, window):
    w = window
    w.ctl.select(0, 1)
    _focus(qtbot, w, w.editor.text)
    qtbot.keyClick(w.editor.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not w.editor.text
    assert "\t" not in w.issue.articles[0].blocks[1].text
    _focus(qtbot, w, w.editor.text)
    w.editor.text.moveCursor(w.editor.text.textCursor().MoveOperation.End)
    QGuiApplication.clipboard().setText("表格\t照抄 Item\tOne")
    w.editor.text.paste()
    assert w.issue.articles[0].blocks[1].text.endswith("表格照抄 Item One")


def test_proofing_flags_the_tabs_that_came_with_a_draft(qtbot, window):
    w = window
    w.push("导入", lambda i: setattr(i.articles[0].blocks[1], "text", "甲\t乙\tabc\tdef"))
    tabs = [f for f in w.ctl.findings if f.rule == "tabs"]
    assert [(f.start, f.fix) for f in tabs] == [(1, ""), (3, ""), (7, " ")]
    rows = [
        w.proof.proof_list.topLevelItem(i) for i in range(w.proof.proof_list.topLevelItemCount())
    ]
    assert any(r.text(1) == "制表符（Tab）" for r in rows)
    w.proof.proof_list.setCurrentItem(next(r for r in rows if r.text(1) == "制表符（Tab）"))
    shown = []

    def keep_all() -> None:  # the 修正预览 dialog lists the changes first: keep them all
        dlg = QApplication.activeModalWidget()
        shown.append(dlg.windowTitle())
        dlg.accept()

    QTimer.singleShot(0, keep_all)
    w.proof.fix_rule_of_selected()
    assert shown and "制表符" in shown[0]
    assert w.issue.articles[0].blocks[1].text == "甲乙abc def"


def test_split_merge_delete_paragraphs_undoable(qtbot, window):
    w = window
    w.ctl.select(0, 1)
    original = _texts(w)
    para = original[1]
    cut = para.index("。") + 1
    # Enter at the cursor splits, as in Word
    _focus(qtbot, w, w.editor.text)
    c = w.editor.text.textCursor()
    c.setPosition(cut)
    w.editor.text.setTextCursor(c)
    qtbot.keyClick(w.editor.text, Qt.Key.Key_Return)
    assert _texts(w)[1:3] == [para[:cut], para[cut:]]
    assert w.ctl.block == 2 and w.editor.text.toPlainText() == para[cut:]
    # Backspace at the start of the second part joins it back
    _focus(qtbot, w, w.editor.text)
    qtbot.keyClick(w.editor.text, Qt.Key.Key_Backspace)
    assert _texts(w) == original
    # the same from the shortcuts: split, merge with next, delete
    c = w.editor.text.textCursor()
    c.setPosition(cut)
    w.editor.text.setTextCursor(c)
    _focus(qtbot, w, w.editor.text)
    qtbot.keyClick(w.editor.text, Qt.Key.Key_Return, CTRL)
    assert len(_texts(w)) == len(original) + 1
    w.ctl.select(0, 1)
    _focus(qtbot, w, w.editor.blocks)
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_J, CTRL | SHIFT)
    assert _texts(w) == original
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_Delete, CTRL | SHIFT)
    assert _texts(w) == original[:1] + original[2:]
    # all undoable, one step each
    for expected in (original, original[:1] + [para[:cut], para[cut:]] + original[2:]):
        w.undo_stack.undo()
        assert _texts(w) == expected
    # a refused merge (the last paragraph) says why and changes nothing
    n = len(_texts(w))
    w.ctl.select(0, n - 1)
    w.editor.merge_with_next()
    assert len(_texts(w)) == n and "最后一段" in w.statusBar().currentMessage()


def _menu_of(qtbot, widget, at: QPoint):
    """Right-click ``widget`` at ``at``; the texts of the menu that opens."""
    seen: list[str] = []

    def look():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(50, look)
            return
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        menu.close()

    QTimer.singleShot(50, look)
    port = widget.viewport()  # where a mouse click lands in a list or tree
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, port.mapToGlobal(at))
    QApplication.sendEvent(port, event)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


def test_right_click_menus(qtbot, window):
    w = window
    w.ctl.select(0, 1)
    rect = w.editor.blocks.visualItemRect(w.editor.blocks.item(1))
    seen = _menu_of(qtbot, w.editor.blocks, rect.center())
    assert {"一级标题", "正文", "与下一段合并", "在光标处拆分段落", "删除段落"} <= set(seen)
    assert any(t.startswith("撤销") for t in seen)
    seen = _menu_of(qtbot, w.outline, QPoint(10, 30))
    assert {"上移文章", "下移文章", "删除文章"} <= set(seen)
    seen = _menu_of(qtbot, w.proof.proof_list, QPoint(10, 10))
    assert {"转到此处", "修正所选", "修正此类全部"} <= set(seen)
    # an entry of the paragraph menu does what it says
    n = len(_texts(w))
    next(a for a in w.editor.blocks.actions() if a.text() == "删除段落").trigger()
    assert len(_texts(w)) == n - 1


def test_a_refused_change_leaves_no_step_and_the_next_one_works(qtbot, window):
    w = window
    w.push("无句", lambda i: setattr(i.articles[0].blocks[1], "text", "没有句号的一段"))
    steps = w.undo_stack.count()
    w.ctl.select(0, 1)
    w.editor.set_role("runin2")  # no leading sentence: refused inside the undo command
    assert w.undo_stack.count() == steps and w.issue.articles[0].blocks[1].runin == ""
    assert "不能设为段首标题" in w.statusBar().currentMessage()
    w.push("再改", lambda i: setattr(i.articles[0].blocks[1], "text", "又一段。"))
    w.undo_stack.undo()
    assert w.issue.articles[0].blocks[1].text == "没有句号的一段"
