"""Chinese throughout: Qt's own buttons and dialogs, the messages of the shared code as
the window shows them, 发布 saying what it locks, 更正 with the command line's rules."""

import re

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from lianluo_desk import proof
from lianluo_desk.archive.store import Archive

from ..conftest import DATA, past


def _english(text: str) -> list[str]:
    """English words outside file names (PDF, Word, DOCX, Tab are the user's words)."""
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"[^\s：，]*[/\\.][^\s：，]*", "", text))
    return [w for w in words if w not in ("PDF", "Word", "DOCX", "WPS", "Tab")]


def test_qt_buttons_and_dialogs_in_chinese(window):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "x",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    assert [box.button(b).text() for b in (box.StandardButton.Yes, box.StandardButton.No)] == [
        "是(&Y)",
        "否(&N)",
    ] or all(
        re.search("[\u4e00-\u9fff]", box.button(b).text())
        for b in (box.StandardButton.Yes, box.StandardButton.No)
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    texts = [b.text() for b in box.buttons()]
    assert len(texts) == 3 and not any(_english(t) for t in texts), texts
    dialog = QFileDialog(window, "打开")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    buttons = [b.text() for bb in dialog.findChildren(QDialogButtonBox) for b in bb.buttons()]
    assert buttons and not any(_english(t) for t in buttons), buttons


@pytest.mark.slow
def test_messages_in_chinese_without_commands(qtbot, window, monkeypatch):
    w = window
    shown: list[str] = []
    monkeypatch.setattr(w.statusBar(), "showMessage", lambda t, ms=0: shown.append(t))
    with Archive(w.library) as archive:
        archive.add(past("2022-no07").issue)
    # a duplicate and a gap in the numbers, as the 版头 form shows them (the sample
    # issue is 2022 No. 7 itself)
    w.masthead.fill()
    dup = w.masthead.w_number.text()
    w.masthead.f_number.setValue(12)
    w.masthead.edited()
    gap = w.masthead.w_number.text()
    assert "期号重复" in dup and "期号不连续" in gap
    # publication refused with proofing errors; a past issue that is not one
    w.push("错", lambda i: setattr(i.articles[0].blocks[1], "text", "半角,标点"))
    assert [f for f in w.ctl.findings if f.severity == "error"]
    monkeypatch.setattr(w, "ask", lambda title, text: True)
    assert w.publish() is None
    job = w.ctl.import_past([DATA / "2022-no07-training.docx"])
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: any("失败 1 期" in t for t in shown), timeout=10000)
    messages = [dup, gap, *shown]
    for text in messages:
        assert "lianluo-desk" not in text, text
        assert not _english(text), text


@pytest.mark.slow
def test_publish_confirms_what_it_locks_and_revise_reopens(qtbot, window, monkeypatch):
    w = window
    w.push("校对", lambda i: proof.fix(i, list(proof.RULES)))
    assert w.save()
    asked: list[str] = []
    monkeypatch.setattr(w, "ask", lambda title, text: asked.append(text) or False)
    assert w.publish() is None  # declined: nothing published
    assert not (w.library / "published").exists() and not w.read_only
    m = w.issue.masthead
    assert f"第{m.number}期" in asked[0] and "只读" in asked[0] and "更正" in asked[0]
    monkeypatch.setattr(w, "ask", lambda title, text: asked.append(text) or True)
    assert not w.revise()  # the command line's rule: nothing to revise before publication
    job = w.publish()
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: w.read_only, timeout=10000)
    assert w.revise()
    assert not w.read_only and w.issue.published["state"] == "revising"
    assert list((w.library / "backups").glob("*revise*")) or list(w.library.rglob("*revise*"))
    w.push("更正", lambda i: setattr(i.articles[0].blocks[1], "text", "更正后的文字。"))
    assert w.save()
    job = w.publish()
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: w.read_only, timeout=10000)
    with Archive(w.library) as archive:
        (row,) = archive.list()
        assert row.revision == 2
