"""修正预览: a "fix all" lists its changes first and makes only those kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from lianluo_desk import proof
from lianluo_desk.model.issue import Article, Block, BlockKind, Issue
from lianluo_desk.ui.fix_preview import FixPreview, choose_fixes

from .test_window import SHOTS


def _issue() -> Issue:
    text = "我们认为,这是对的:一是(草案)好"
    return Issue(articles=[Article(title=["标题"], blocks=[Block(BlockKind.PARAGRAPH, text)])])


def test_changes_listed_before_after_and_place(qtbot):
    from lianluo_desk.ui.app import make_app

    make_app()  # the bundled CJK face for the screenshot
    changes = proof.plan(_issue(), ["halfwidth"])
    dlg = FixPreview(None, changes, "修正全部")
    qtbot.addWidget(dlg)
    rows = [[dlg.item(k).text(c) for c in range(3)] for k in range(dlg.tree.topLevelItemCount())]
    assert rows == [
        ["第1篇 第1段 第5字", ",", "，"],
        ["第1篇 第1段 第10字", ":", "："],
        ["第1篇 第1段 第13字", "(…)", "（…）"],
    ]
    dlg.item(1).setCheckState(0, Qt.CheckState.Unchecked)
    assert dlg.kept() == [changes[0], changes[2]]
    dlg.show()
    SHOTS.mkdir(exist_ok=True)
    dlg.grab().save(str(SHOTS / "fix-preview.png"))


def test_only_kept_changes_applied_and_cancel_applies_none(qtbot):
    issue = _issue()
    changes = proof.plan(issue, ["halfwidth"])

    def answer(keep: bool) -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, FixPreview)
        dlg.item(0).setCheckState(0, Qt.CheckState.Unchecked)
        dlg.accept() if keep else dlg.reject()

    QTimer.singleShot(200, lambda: answer(False))
    assert choose_fixes(None, changes, "修正全部") == []
    QTimer.singleShot(200, lambda: answer(True))
    kept = choose_fixes(None, changes, "修正全部")
    proof.apply(issue, kept)
    assert issue.articles[0].blocks[0].text == "我们认为,这是对的：一是（草案）好"


def test_return_applies_the_changes_ticked(qtbot):
    """Enter in the preview applies, as in Word's dialogs: it chose 全选 (the first
    button), so the editor's Enter changed nothing and the dialog stayed."""
    from PySide6.QtTest import QTest

    changes = proof.plan(_issue(), ["halfwidth"])
    kept: list[list[proof.Finding]] = []

    def press_return() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, FixPreview)
        dlg.item(2).setCheckState(0, Qt.CheckState.Unchecked)
        QTest.keyClick(dlg, Qt.Key.Key_Return)
        if dlg.isVisible():  # not applied: end the test's wait, the assertion says it
            dlg.reject()

    QTimer.singleShot(200, press_return)
    kept.append(choose_fixes(None, changes, "修正全部"))
    assert kept == [changes[:2]]
