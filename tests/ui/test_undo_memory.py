"""Typing merges its keystrokes into one undo step; the keystrokes' own commands, once
merged, must not keep their two snapshots of the whole issue: the bindings never free a
command the undo stack merged, and a working day of typing in a 30-page issue grew by
hundreds of megabytes (the longer collections then froze the window for seconds)."""

import gc

from lianluo_desk.ui.commands import IssueCommand


def _holding_snapshots() -> int:
    gc.collect()
    return sum(
        1
        for o in gc.get_objects()
        if isinstance(o, IssueCommand) and (o.before is not None or o.after is not None)
    )


def test_merged_keystrokes_keep_no_snapshot(qtbot, window):
    w = window
    before = _holding_snapshots()  # other tests' commands may live on in this process
    w.ctl.select(0, 1, 0)
    text = w.issue.articles[0].blocks[1].text
    for ch in "人大代表联络工作" * 5:
        w.editor.text.insertPlainText(ch)
    assert w.undo_stack.count() == 1  # one typing run, one step
    assert _holding_snapshots() - before <= w.undo_stack.count()
    w.undo_stack.undo()
    assert w.issue.articles[0].blocks[1].text == text
    w.undo_stack.redo()
    assert w.issue.articles[0].blocks[1].text == "人大代表联络工作" * 5 + text
