"""A correction (更正) keeps its issue's numbers — publishing it demands them — so the
版头 panel must not warn that the archive already has them: the issue it finds there
is the one being corrected. Another issue's clash is still said."""

from lianluo_desk import proof


def test_a_correction_is_not_warned_of_its_own_numbers(qtbot, window, monkeypatch):
    w = window
    w.push("校对", lambda i: proof.fix(i, list(proof.RULES)))
    assert w.save()
    monkeypatch.setattr(w, "ask", lambda _title, _text: True)
    job = w.publish()
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: w.read_only, timeout=10000)
    assert w.revise()
    assert w.issue.published["state"] == "revising"
    w.masthead.fill()
    assert "期号重复" not in w.masthead.w_number.text(), w.masthead.w_number.text()

    # a new issue given the published one's numbers is warned, as before
    m = w.issue.masthead
    w.ctl.new_issue(m.date, (m.number, m.cumulative))
    w.masthead.fill()
    assert "期号重复" in w.masthead.w_number.text()
