"""The 校对 and 审阅 lists on a 1366×768 screen: at rest, under the panes, a list shows
several rows (its buttons beside it, not under it); once the editor works in a list
(clicks it, moves through it) the dock takes most of the window's height, and it gives
that back when the editor goes back to the text. They showed two and a half rows."""

from PySide6.QtWidgets import QApplication, QTreeWidget

from lianluo_desk.model.issue import Block, BlockKind


def _rows(tree: QTreeWidget) -> float:
    """Rows the list shows whole."""
    first = tree.topLevelItem(0)
    assert first is not None
    row = tree.visualItemRect(first).height()
    assert row > 10
    return tree.viewport().height() / row


def _settle(qtbot) -> None:
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(20)


def _many_findings(w) -> None:
    """Thirty paragraphs with a half-width comma between hanzi each: thirty findings."""

    def change(issue) -> None:
        for k in range(30):
            issue.articles[0].blocks.append(Block(BlockKind.PARAGRAPH, f"第{k}段,有错"))

    w.ctl.push("段落", change)


def test_lists_show_rows_at_rest_and_grow_when_used(qtbot, window):
    w = window
    w.resize(1358, 730)  # what a 1366×768 screen gives the window
    _many_findings(w)
    _settle(qtbot)
    tree = w.proof.proof_list
    assert tree.topLevelItemCount() >= 30
    w.editor.text.setFocus()
    _settle(qtbot)
    rest = w.proof_dock.height()
    assert _rows(tree) >= 4, _rows(tree)

    tree.setFocus()
    _settle(qtbot)
    assert _rows(tree) >= 10, _rows(tree)
    assert w.centralWidget().height() >= 200  # the text stays in sight

    w.editor.text.setFocus()
    _settle(qtbot)
    assert abs(w.proof_dock.height() - rest) <= 2

    # the 审阅 list, in the same dock's other tab, grows the same way
    w.review_dock.raise_()
    for k in range(20):
        w.review.list.addTopLevelItem(_item(k))
    _settle(qtbot)
    assert _rows(w.review.list) >= 4
    w.review.list.setFocus()
    _settle(qtbot)
    assert _rows(w.review.list) >= 10
    w.outline.setFocus()
    _settle(qtbot)
    assert abs(w.review_dock.height() - rest) <= 2


def _item(k: int):
    from PySide6.QtWidgets import QTreeWidgetItem

    return QTreeWidgetItem([str(k + 1), "第1篇 第2段", "插入", "审稿人", "文字", ""])


def test_a_button_of_a_list_at_rest_is_clicked_by_one_click(qtbot, window, monkeypatch):
    """A button beside the list at rest, clicked: the dock grew between press and release
    (the press gave the button the keyboard), the button left the pointer, the click was
    lost. A row clicked the same way is the row chosen."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    w = window
    w.resize(1358, 730)
    _many_findings(w)
    _settle(qtbot)
    w.editor.text.setFocus()
    _settle(qtbot)
    fixed: list[int] = []
    monkeypatch.setattr(w.proof, "fix_rule_of_selected", lambda: fixed.append(1))
    button = next(b for b in w.proof.findChildren(QPushButton) if b.text() == "修正此类全部")
    button.clicked.disconnect()
    button.clicked.connect(lambda: w.proof.fix_rule_of_selected())
    at = button.mapToGlobal(QPoint(button.width() // 2, button.height() // 2))

    def click_at(widget, point) -> None:
        """Press, let the window react, release where the pointer still is."""
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=widget.mapFromGlobal(point))
        _settle(qtbot)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=widget.mapFromGlobal(point))
        _settle(qtbot)

    click_at(button, at)
    assert fixed == [1]

    tree = w.proof.proof_list
    w.editor.text.setFocus()
    _settle(qtbot)
    third = tree.topLevelItem(2)
    spot = tree.viewport().mapToGlobal(tree.visualItemRect(third).center())
    click_at(tree.viewport(), spot)
    assert tree.currentItem() is third
    _settle(qtbot)
    assert _rows(tree) >= 10  # grown once the click was done
    assert tree.visualItemRect(third).intersects(tree.viewport().rect())


def test_a_dock_grown_for_its_list_is_saved_at_its_own_height(qtbot, tmp_path):
    """Closed while a list was in use: the next start showed the dock grown, the text
    squeezed, until the list was used and left once more."""
    import shutil

    from lianluo_desk.service import SAMPLE_ISSUE

    from .conftest import close_window, open_window

    issue = tmp_path / "issue.json"
    shutil.copy(SAMPLE_ISSUE, issue)
    w = open_window(qtbot, tmp_path / "lib", issue)
    w.resize(1358, 730)
    _many_findings(w)
    w.editor.text.setFocus()
    _settle(qtbot)
    rest = w.proof_dock.height()
    w.proof.proof_list.setFocus()
    _settle(qtbot)
    assert w.proof_dock.height() > rest + 100
    close_window(w)

    again = open_window(qtbot, tmp_path / "lib", issue)
    try:
        again.resize(1358, 730)
        _settle(qtbot)
        assert abs(again.proof_dock.height() - rest) <= 4, (again.proof_dock.height(), rest)
    finally:
        close_window(again)
