"""The small ones: any article dragged, 送 groups ticked and unticked, the preset box
showing the preset in force, the start on the last issue worked on, 1024×700."""

import shutil

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from lianluo_desk.model.issue import DistributionGroup
from lianluo_desk.service import SAMPLE_ISSUE

from ..conftest import DATA
from .conftest import SHOTS, close_window


def _article_rows(tree):
    return [
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if isinstance(tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole), int)
    ]


@pytest.mark.slow
def test_drag_an_article_that_is_not_selected(qtbot, window):
    w = window
    w.import_files([DATA / "2018-no01-annual-summary.docx", DATA / "2022-no07-training.docx"])
    titles = [a.title_text for a in w.issue.articles]
    w.ctl.select(0, 0)
    tree = w.outline
    rows = _article_rows(tree)
    assert tree.currentItem() is rows[0]
    # pressing the last article starts a drag: the tree must not be rebuilt under it
    qtbot.mousePress(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(rows[2]).center()
    )
    assert _article_rows(tree)[2] is rows[2]
    # what Qt drops: the dragged item's data, wherever the current item is
    w.ctl.select(1, 0)
    mime = tree.mimeData([rows[2]])
    at = tree.visualItemRect(_article_rows(tree)[0]).center()
    drop = QDropEvent(
        QPointF(at),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(drop)
    assert [a.title_text for a in w.issue.articles] == [titles[2], titles[0], titles[1]]
    w.undo_stack.undo()
    assert [a.title_text for a in w.issue.articles] == titles


def test_distribution_groups_ticked_and_unticked(qtbot, window):
    w = window
    d = w.distribution
    d.preset_box.setCurrentText("2021")
    d.apply_preset()
    groups = [g.text for g in w.issue.banji.distribution]
    assert d.preset_box.currentText() == "2021"  # the preset in force
    d.groups.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert [g.text for g in w.issue.banji.distribution] == groups[:1] + groups[2:]
    assert d.groups.count() == len(groups)  # still listed, unticked, in its place
    assert d.groups.item(1).text() == groups[1]
    assert d.groups.item(1).checkState() == Qt.CheckState.Unchecked
    assert d.preset_box.currentText() == "（本期自定）"  # no preset has this list
    d.groups.item(1).setCheckState(Qt.CheckState.Checked)
    assert [g.text for g in w.issue.banji.distribution] == groups
    assert d.preset_box.currentText() == "2021"
    # an unticked one moved stays unticked where it went
    d.groups.item(0).setCheckState(Qt.CheckState.Unchecked)
    d.groups.setCurrentRow(0)
    d.move_group(1)
    assert d.groups.item(1).text() == groups[0]
    assert d.groups.item(1).checkState() == Qt.CheckState.Unchecked
    assert [g.text for g in w.issue.banji.distribution] == groups[1:]
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert [g.text for g in w.issue.banji.distribution] == groups


def test_an_untick_undone_and_redone_leaves_the_group_listed(qtbot, window):
    """Redo of an untick after its undo: the group was gone from the list for good (the
    panel forgot it once the undo ticked it), so it could not be ticked again."""
    w = window
    d = w.distribution
    rows = [d.groups.item(i).text() for i in range(d.groups.count())]
    d.groups.item(2).setCheckState(Qt.CheckState.Unchecked)
    for step in (w.undo_stack.undo, w.undo_stack.redo, w.undo_stack.undo, w.undo_stack.redo):
        step()
        assert [d.groups.item(i).text() for i in range(d.groups.count())] == rows
    assert d.groups.item(2).checkState() == Qt.CheckState.Unchecked
    assert rows[2] not in [g.text for g in w.issue.banji.distribution]
    d.groups.item(2).setCheckState(Qt.CheckState.Checked)
    assert [g.text for g in w.issue.banji.distribution] == rows


def test_preset_box_shows_the_preset_whose_list_is_in_force(window):
    w = window
    presets = w.distribution.presets()
    for name in ("2022", "2018"):
        groups = presets[name]
        w.push(
            "送",
            lambda i, g=groups: setattr(i.banji, "distribution", [DistributionGroup(x) for x in g]),
        )
        assert w.distribution.preset_box.currentText() == name


def test_start_on_the_last_issue_worked_on(qtbot, tmp_path, monkeypatch):
    from lianluo_desk.ui.app import make_app, start_window
    from lianluo_desk.ui.main_window import MainWindow

    make_app()
    monkeypatch.setattr(MainWindow, "offer_recovery", lambda self, asked=False: False)
    lib = tmp_path / "lib"
    w = start_window(lib, sample=True)  # the sample, asked for
    assert w.path.name == "示例-联络动态.json" and w.issue.articles
    assert str(w.path) not in w._recent()
    mine = tmp_path / "mine.json"
    shutil.copy(SAMPLE_ISSUE, mine)
    w.open_path(mine)
    close_window(w)
    w = start_window(lib)
    assert w.path == mine  # the last one worked on
    close_window(w)
    mine.unlink()
    w = start_window(lib)
    assert w.path is None and not w.issue.articles  # the start page, not the sample again
    close_window(w)


@pytest.mark.slow
def test_usable_at_1024_by_700(qtbot, window):
    w = window
    w.resize(1024, 700)
    w.ctl.select(0, 1)
    qtbot.waitUntil(lambda: w.split.sizes()[0] >= 150 and w.preview.width() >= 380, timeout=5000)
    assert w.outline.width() >= 150 and w.editor.width() >= 250
    assert w.preview.pages.zoom >= 0.55  # body text at about 9 px or more
    assert w.masthead_dock.isVisible() and w.width() <= 1024
    SHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SHOTS / "window-1024x700.png"))
