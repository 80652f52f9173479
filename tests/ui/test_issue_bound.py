"""What is made for one issue stays with it: a review list, 校对 results and the
selection are cleared when another issue is opened or created, and an item made for
one issue is never applied to another."""

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from ..conftest import DATA
from .test_window import reviewed_docx  # noqa: F401 - the fixture

CTRL = Qt.KeyboardModifier.ControlModifier


def _new_issue_by_ctrl_n(qtbot, w, monkeypatch):
    from lianluo_desk.ui.new_issue_dialog import NewIssueDialog

    def exec_(dialog):
        dialog.f_date.setDate(QDate(2022, 8, 15))
        return 1

    monkeypatch.setattr(NewIssueDialog, "exec", exec_)
    monkeypatch.setattr(w, "ask", lambda _title, _text: False)  # no past issues first
    w.activateWindow()
    w.editor.blocks.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.editor.blocks, timeout=5000)
    qtbot.keyClick(w.editor.blocks, Qt.Key.Key_N, CTRL)
    assert w.issue.masthead.date == dt.date(2022, 8, 15)


def test_a_review_of_another_issue_is_never_applied(qtbot, window, monkeypatch, reviewed_docx):  # noqa: F811
    w = window
    _issue, path = reviewed_docx
    assert w.open_review(path) == 6
    stale = w.review.changes[0]
    w.review.list.setCurrentItem(w.review.list.topLevelItem(0))

    _new_issue_by_ctrl_n(qtbot, w, monkeypatch)
    # the list went with its issue
    assert w.review.list.topLevelItemCount() == 0
    assert "待处理" not in w.review_dock.windowTitle() or "（0" in w.review_dock.windowTitle()

    n, failed = w.import_files([DATA / "2022-no07-training.docx"])
    assert n == 1 and not failed
    before = [b.text for b in w.issue.articles[0].blocks]
    steps = w.undo_stack.index()

    # even an item kept from before cannot reach the new issue
    w.review.changes = [stale]
    w.review.decide(True, all_=True)
    w.review.decide(True, all_=False)
    assert [b.text for b in w.issue.articles[0].blocks] == before
    assert w.undo_stack.index() == steps


def test_proof_results_and_selection_follow_the_issue(qtbot, window, monkeypatch):
    from lianluo_desk.model import edit

    w = window
    w.push("编辑文字", lambda issue: edit.set_text(issue, 0, 0, "代表工作,重在落实"))
    w.ctl.select(0, 2)
    plist = w.proof.proof_list
    items = [plist.topLevelItem(i) for i in range(plist.topLevelItemCount())]
    stale = next(
        f
        for f in (it.data(0, Qt.ItemDataRole.UserRole) for it in items)
        if f is not None and f.fix is not None
    )

    _new_issue_by_ctrl_n(qtbot, w, monkeypatch)
    assert (w.ctl.article, w.ctl.block) == (-1, -1)
    assert w.proof.proof_list.topLevelItemCount() == 0  # an empty issue has no findings
    n, _failed = w.import_files([DATA / "2022-no07-training.docx"])
    assert n == 1
    w.push("编辑文字", lambda issue: edit.set_text(issue, 0, 0, "代表工作,重在落实"))
    before = w.issue.articles[0].blocks[0].text
    steps = w.undo_stack.index()
    w.proof.fix_finding(stale)  # a finding of the old issue, the same text by chance
    assert w.undo_stack.index() == steps
    assert w.issue.articles[0].blocks[0].text == before


def _published(tmp_path):
    import json
    import shutil

    from lianluo_desk.service import SAMPLE_ISSUE

    path = tmp_path / "published.json"
    shutil.copy(SAMPLE_ISSUE, path)
    data = json.loads(path.read_text("utf-8"))
    data["published"] = {"state": "published", "at": "2022-08-15T10:00:00", "revision": 1}
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_a_published_issue_is_visibly_read_only(qtbot, tmp_path, monkeypatch):
    from .conftest import SHOTS, close_window, open_window

    w = open_window(qtbot, tmp_path / "lib", _published(tmp_path))
    try:
        assert w.read_only
        assert w.banner.isVisible()
        assert "已于 2022-08-15 发布" in w.banner.label.text() and "更正" in w.banner.label.text()
        # the 版头 fields refuse typing where it happens
        editors = w.masthead.f_editors
        before = editors.text()
        assert not editors.isEnabled()
        qtbot.keyClicks(editors, "abc")
        assert editors.text() == before
        assert not w.distribution.groups.isEnabled()
        assert not w.role_actions["heading1"].isEnabled()
        w.ctl.select(0, 0)
        assert not w.editor.text.isEnabled()
        w.find_replace(True)  # finding works, replacing does not
        assert w.find_dialog.b_next.isEnabled() and not w.find_dialog.b_all.isEnabled()
        w.find_dialog.close()
        SHOTS.mkdir(exist_ok=True)
        w.resize(1366, 768)
        w.grab().save(str(SHOTS / "read-only-banner.png"))
        # the banner offers 更正, which makes the issue editable again
        monkeypatch.setattr(w, "ask", lambda _t, _x: True)
        w.banner.revise_button.click()
        assert not w.read_only and not w.banner.isVisible()
        assert editors.isEnabled() and w.role_actions["heading1"].isEnabled()
    finally:
        close_window(w)


def test_a_publication_finishing_later_leaves_the_issue_opened_meanwhile(
    qtbot, window, monkeypatch
):
    from lianluo_desk import proof

    w = window
    w.push("校对", lambda i: proof.fix(i, list(proof.RULES)))
    assert w.save()
    monkeypatch.setattr(w, "ask", lambda _t, _x: True)
    job = w.publish()
    assert job is not None
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        _new_issue_by_ctrl_n(qtbot, w, monkeypatch)  # while the publication runs
    qtbot.wait(200)
    assert w.path is None and w.issue.masthead.date == dt.date(2022, 8, 15)
    assert not w.read_only and not w.banner.isVisible()
    assert list((w.library / "published").glob("*.pdf"))  # published all the same
