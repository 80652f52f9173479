"""Whole-issue steps on a 30-odd-page issue — moving an article, undoing and redoing a
replace-all — keep the window answering: the event loop never stops for 200 ms, the
longest an editor waits for a key press to show without calling the window frozen.
(Each step proofread the whole issue again and each layout read the CJK faces again.)"""

from copy import deepcopy

import pytest

from lianluo_desk.model.store import save_issue

from .conftest import close_window, open_window
from .stalls import StallMeter

FROZEN_MS = 200


@pytest.fixture()
def big_window(qtbot, tmp_path, big_issue):
    path = tmp_path / "big.json"
    save_issue(deepcopy(big_issue), path)
    w = open_window(qtbot, tmp_path / "lib", path)
    qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=60000)
    yield w
    close_window(w)


def _worst(qtbot, w, step) -> float:
    """The longest pause of the event loop from ``step`` until its layout is shown."""
    with StallMeter() as meter:
        step()
        qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=60000)
        qtbot.wait(50)
    return meter.worst_ms


def test_whole_issue_steps_do_not_freeze_the_window(qtbot, big_window):
    from lianluo_desk.model.store import dumps

    w = big_window
    assert len(w.doc.pages) >= 25
    before = dumps(w.issue)
    w.find_replace(True)
    w.find_dialog.f_find.setText("工作")
    w.find_dialog.f_replace.setText("事务")
    gaps = {"move": _worst(qtbot, w, lambda: w.outline.move_article(0, 3))}
    moved = dumps(w.issue)
    assert w.find_dialog.replace_all() > 50
    qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=60000)
    replaced = dumps(w.issue)
    gaps["undo replace"] = _worst(qtbot, w, w.undo_stack.undo)
    assert dumps(w.issue) == moved
    gaps["undo move"] = _worst(qtbot, w, w.undo_stack.undo)
    assert dumps(w.issue) == before
    gaps["redo move"] = _worst(qtbot, w, w.undo_stack.redo)
    gaps["redo replace"] = _worst(qtbot, w, w.undo_stack.redo)
    assert dumps(w.issue) == replaced
    assert max(gaps.values()) < FROZEN_MS, {k: round(v) for k, v in gaps.items()}
