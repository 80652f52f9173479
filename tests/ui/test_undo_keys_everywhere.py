"""Ctrl+Z and Ctrl+Y are the window's in every field typed into — title, 副题, 编者按, a
table cell, 刊名 — as they are in the paragraph box: a box's own undo history answered
them instead (the table cell and the one-line fields undid inside the box and pushed
that as another edit, so redo was gone; the title and 编者按 boxes did nothing)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lianluo_desk.model.issue import BlockKind
from lianluo_desk.model.store import dumps

from ..tabledata import write_docx

CTRL = Qt.KeyboardModifier.ControlModifier


def _fields(w):
    return {
        "title": w.editor.head.f_title,
        "subtitle": w.editor.head.f_subtitle,
        "note": w.editor.head.f_note,
        "cell": w.editor.table.text,
        "masthead title": w.masthead.f_title,
    }


@pytest.mark.parametrize("name", ["title", "subtitle", "note", "cell", "masthead title"])
def test_undo_and_redo_keys_in_a_field_are_the_windows(qtbot, window, tmp_path, name):
    w = window
    if name == "cell":
        n, failed = w.import_files([write_docx(tmp_path / "t.docx", rows=3)])
        assert n == 1 and not failed
        ai = len(w.issue.articles) - 1
        bi = next(k for k, b in enumerate(w.issue.articles[ai].blocks) if b.kind is BlockKind.TABLE)
        w.ctl.select(ai, bi)
    else:
        w.ctl.select(0, 0)
    box = _fields(w)[name]
    w.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box, timeout=5000)
    before, steps = dumps(w.issue), w.undo_stack.index()
    qtbot.keyClicks(box, "abc")
    after = dumps(w.issue)
    assert after != before and w.undo_stack.index() == steps + 1
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert dumps(w.issue) == before and w.undo_stack.index() == steps
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)
    assert dumps(w.issue) == after and w.undo_stack.index() == steps + 1
