"""Everything the page prints is edited in the window — title lines, subtitle, 编者按,
the 版头's name and issuer — each with undo; a paragraph is made the title (and back) by
the role menu's keys; typing is undone run by run, as in Word."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import SHOTS

CTRL = Qt.KeyboardModifier.ControlModifier


def _focus(qtbot, w, widget):
    w.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5000)


def _end(box):
    box.moveCursor(box.textCursor().MoveOperation.End)


def test_a_paragraph_becomes_the_title_by_key_and_goes_back(qtbot, window):
    w = window
    art = w.issue.articles[0]
    title, first = list(art.title), art.blocks[0].text
    assert {"title", "subtitle", "note"} <= set(w.role_actions)
    assert w.role_actions["title"].text() == "题"
    w.ctl.select(0, 0)
    _focus(qtbot, w, w.editor.blocks)
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_7, CTRL)  # 题
    art = w.issue.articles[0]
    assert art.title == [*title, first] and art.blocks[0].text != first
    assert w.editor.head.f_title.toPlainText().split("\n")[-1] == first
    w.editor.head.to_body("title", len(art.title) - 1)  # 移回正文
    assert w.issue.articles[0].title == title and w.issue.articles[0].blocks[0].text == first
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert w.issue.articles[0].title == title and w.issue.articles[0].blocks[0].text == first
    _focus(qtbot, w, w.editor.blocks)
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_8, CTRL)  # 副题
    assert w.issue.articles[0].subtitle == first
    assert w.editor.head.f_subtitle.text() == first
    w.undo_stack.undo()
    _focus(qtbot, w, w.editor.blocks)
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_9, CTRL)  # 编者按
    assert w.issue.articles[0].note == first


def test_title_subtitle_and_notes_are_typed_with_undo(qtbot, window):
    w = window
    w.ctl.select(0, 0)
    head = w.editor.head
    title = list(w.issue.articles[0].title)
    _focus(qtbot, w, head.f_title)
    _end(head.f_title)
    steps = w.undo_stack.index()
    qtbot.keyClicks(head.f_title, "2022")
    assert w.issue.articles[0].title == [*title[:-1], title[-1] + "2022"]
    assert w.outline.currentItem().text(0).endswith("水平2022")  # the outline follows
    assert w.undo_stack.index() == steps + 1
    qtbot.keyClick(head.f_title, Qt.Key.Key_Return)
    qtbot.keyClicks(head.f_title, "ABC")
    assert w.issue.articles[0].title[-1] == "ABC"  # a new title line
    _focus(qtbot, w, head.f_subtitle)
    qtbot.keyClicks(head.f_subtitle, "sub")
    assert w.issue.articles[0].subtitle == "sub"
    _focus(qtbot, w, head.f_note)
    qtbot.keyClicks(head.f_note, "note")
    assert w.issue.articles[0].note == "note"
    mh = w.masthead
    _focus(qtbot, w, mh.f_issuer)
    mh.f_issuer.end(False)
    issuer = w.issue.masthead.issuer
    qtbot.keyClicks(mh.f_issuer, "X")
    assert w.issue.masthead.issuer == issuer + "X"
    _focus(qtbot, w, mh.f_note)
    qtbot.keyClicks(mh.f_note, "lead")
    assert w.issue.note == "lead"
    with qtbot.waitSignal(w.layout_ready, timeout=20000):
        pass
    printed = "".join(ln.text for p in w.doc.pages for ln in p.lines)
    assert "ABC" in printed and "sub" in printed and "lead" in printed
    SHOTS.mkdir(exist_ok=True)
    w.resize(1366, 768)
    w.grab().save(str(SHOTS / "head-editor.png"))
    for _ in range(7):
        w.undo_stack.undo()
    assert w.issue.articles[0].title == title and not w.issue.articles[0].subtitle
    assert w.issue.note == "" and w.issue.masthead.issuer == issuer
    assert w.editor.head.f_title.toPlainText() == "\n".join(title)


def test_undo_goes_back_run_by_run(qtbot, window):
    w = window
    w.ctl.select(0, 1)
    box = w.editor.text
    _focus(qtbot, w, box)
    _end(box)
    start = w.issue.articles[0].blocks[1].text
    steps = w.undo_stack.index()

    def text():
        return w.issue.articles[0].blocks[1].text

    qtbot.keyClicks(box, "abc")  # run 1: typing
    qtbot.keyClick(box, Qt.Key.Key_Backspace)  # run 2: deleting
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "xy")  # run 3: typing again
    qtbot.wait(1200)
    qtbot.keyClicks(box, "z")  # run 4: after a pause
    qtbot.keyClick(box, Qt.Key.Key_Left)
    qtbot.keyClicks(box, "w")  # run 5: after a cursor move
    assert text() == start + "axywz"
    assert w.undo_stack.index() == steps + 5
    expected = [start + "axyz", start + "axy", start + "a", start + "abc", start]
    for want in expected:
        w.undo_stack.undo()
        assert text() == want
    # another paragraph is another step, even without a pause
    qtbot.keyClicks(box, "1")
    w.ctl.select(0, 2)
    _focus(qtbot, w, box)
    _end(box)
    qtbot.keyClicks(box, "2")
    assert w.undo_stack.index() == steps + 2


def test_a_cursor_move_ends_the_run_in_the_head_fields_too(qtbot, window):
    w = window
    w.ctl.select(0, 0)
    sub = w.editor.head.f_subtitle
    _focus(qtbot, w, sub)
    steps = w.undo_stack.index()
    qtbot.keyClicks(sub, "ab")
    qtbot.keyClick(sub, Qt.Key.Key_Left)
    qtbot.keyClicks(sub, "c")
    assert w.issue.articles[0].subtitle == "acb"
    assert w.undo_stack.index() == steps + 2
    w.undo_stack.undo()
    assert w.issue.articles[0].subtitle == "ab" and sub.text() == "ab"
