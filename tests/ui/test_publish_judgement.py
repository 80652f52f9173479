"""发布 with judgement in the window: a fixable 校对 error stops it; findings only a person
can judge are confirmed in the 发布 dialog one by one or all together, recorded in the
issue file with the date, and not asked again after reopening."""

import datetime as dt

from lianluo_desk.model.store import load_issue

from .conftest import SHOTS

FROZEN = dt.date(2022, 8, 15)


def _break_a_paragraph(w):
    def change(issue):
        blocks = issue.articles[0].blocks
        blocks[1].text = blocks[1].text.replace("（", "").replace("）", "") + "（见附件"
        blocks[2].text = "）" + blocks[2].text

    w.push("断开的段落", change)


def test_judgement_items_confirmed_in_the_publish_dialog(qtbot, window, monkeypatch):
    from lianluo_desk.ui import publish_dialog

    w = window
    monkeypatch.setattr(publish_dialog, "today", lambda: FROZEN)
    _break_a_paragraph(w)
    w.push("半角", lambda i: setattr(i.articles[0].blocks[3], "text", "他说:好"))
    assert w.save()
    shown = []
    monkeypatch.setattr(publish_dialog.PublishDialog, "exec", lambda d: shown.append(d) or 0)
    assert w.publish() is None  # the fixable error stops it before any dialog
    assert not shown and "错误" in w.statusBar().currentMessage()
    w.undo_stack.undo()
    assert w.save()

    def exec_(dialog):
        shown.append(dialog)
        assert len(dialog.items) == 2 and not dialog.b_publish.isEnabled()
        assert "还有 2 处" in dialog.b_publish.text()
        dialog.tick(0)  # one by one …
        assert not dialog.b_publish.isEnabled()
        dialog.show()
        dialog.grab().save(str(SHOTS / "publish-judgement.png"))
        dialog.b_all.click()  # … or all together
        assert dialog.b_publish.isEnabled()
        return 1

    monkeypatch.setattr(publish_dialog.PublishDialog, "exec", exec_)
    job = w.publish()
    assert shown and job is not None
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: w.read_only, timeout=10000)
    saved = load_issue(w.path)
    assert saved.published["state"] == "published"
    assert [c["date"] for c in saved.confirmed] == ["2022-08-15"] * 2
    assert {c["label"] for c in saved.confirmed} == {"引号或括号不成对"}
    # the 校对 panel says so, and counts them no longer as errors
    plist = w.proof.proof_list
    fixes = [plist.topLevelItem(i).text(3) for i in range(plist.topLevelItemCount())]
    assert fixes.count("（已确认无误）") == 2
    assert w.proof_dock.windowTitle().startswith("校对（0 个错误")

    # reopened and corrected: the confirmations stand, the dialog is not shown again
    w.open_path(w.path)
    monkeypatch.setattr(w, "ask", lambda _t, _x: True)
    assert w.revise()
    assert len(w.issue.confirmed) == 2
    shown.clear()
    w.push("更正", lambda i: setattr(i.articles[0].blocks[4], "text", "更正后的文字。"))
    assert w.save()
    job = w.publish()
    assert job is not None and not shown
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: w.read_only, timeout=10000)
    assert load_issue(w.path).published["revision"] == 2


def test_a_declined_dialog_publishes_nothing(qtbot, window, monkeypatch):
    from lianluo_desk.ui import publish_dialog

    w = window
    _break_a_paragraph(w)
    assert w.save()
    monkeypatch.setattr(publish_dialog.PublishDialog, "exec", lambda d: 0)
    assert w.publish() is None
    assert not w.issue.confirmed and not (w.library / "published").exists()
