"""The Qt bindings must not take or leave references to ``None``: a binding that takes
one on every call returning nothing (PySide6 6.12.0 on Python < 3.12) deallocates
``None`` after some minutes of editing and aborts the app. The count of references to
``None`` is measured around thousands of calls of the paths the app runs all day: it
must not drop, and it may grow by no more than a few per round (6.11.3 keeps one for a
``None`` passed to a slot, e.g. no previous item, which is harmless: ``None`` is never
freed by growth)."""

import gc
import sys

import pytest
from PySide6.QtGui import QImage, QPainter

from lianluo_desk.ui.qtpainter import QtPagePainter


def _none_refs_moved_by(work, rounds):
    """References to None gained (>0) or taken (<0) over ``rounds`` calls of ``work``."""
    work()  # caches filled, lazy imports done
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(rounds):
        work()
    gc.collect()
    return sys.getrefcount(None) - before


def _kept(moved, rounds):
    return 0 <= moved <= 10 * rounds


@pytest.mark.slow
def test_painter_keeps_none_alone(window):
    doc = window.doc
    painter = QtPagePainter(doc)
    image = QImage(600, 850, QImage.Format.Format_ARGB32)
    runs = sum(1 for p in doc.pages for _ in p.items)
    assert runs > 150  # each run is several Qt calls returning nothing: thousands a round

    def paint():
        qp = QPainter(image)
        for page in doc.pages:
            painter.paint(qp, page)
        qp.end()

    assert _none_refs_moved_by(paint, 10) == 0  # exactly


@pytest.mark.slow
def test_panels_and_preview_keep_none_alone(window):
    w = window
    w.ctl.select(0, 2)

    def panels():
        w.outline.fill()
        w.editor.fill()
        w.proof.fill(recheck=True)
        w.distribution.fill()
        w.masthead.fill()
        w.preview.pages.repaint()

    assert _kept(_none_refs_moved_by(panels, 100), 100)


@pytest.mark.slow
def test_edits_through_the_undo_stack_keep_none_alone(window):
    w = window
    w.ctl.select(0, 1)
    text = w.editor.text

    def edit():
        text.insertPlainText("字")
        w.undo_stack.undo()
        w.undo_stack.redo()
        w.editor.set_role("heading2")
        w.undo_stack.undo()
        w.undo_stack.clear()  # the snapshots it holds refer to None, rightly

    assert _kept(_none_refs_moved_by(edit, 100), 100)
