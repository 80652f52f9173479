"""Choosing 版头 or 版记 in the outline: the middle pane says where they are edited
instead of still showing the article chosen before; choosing an article again brings
its paragraphs back."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _item(w, data):
    for i in range(w.outline.topLevelItemCount()):
        item = w.outline.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == data:
            return item
    raise AssertionError(f"no outline row for {data!r}")


def test_masthead_and_footer_leave_no_article_in_the_middle(window, qtbot):
    w = window
    w.outline.setCurrentItem(_item(w, 0))
    qtbot.waitUntil(lambda: w.editor.blocks.count() > 0)
    for part, words in (("masthead", "版头"), ("footer", "版记")):
        w.outline.setCurrentItem(_item(w, part))
        qtbot.waitUntil(lambda: not w.editor.blocks.isVisible())
        assert not w.editor.head.isVisible() and not w.editor.text.isVisible()
        assert w.editor.article_label.isVisible()
        assert words in w.editor.article_label.text()
    w.outline.setCurrentItem(_item(w, 0))
    qtbot.waitUntil(lambda: w.editor.blocks.isVisible())
    assert w.editor.head.isVisible() and w.editor.text.isVisible()
    assert w.editor.blocks.count() == len(w.ctl.issue.articles[0].blocks)
