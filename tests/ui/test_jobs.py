"""The window never blocks: a draft converted by LibreOffice (.doc), an export and a
publication run in jobs with a progress dialog that names the file and can be cancelled
(cancelling a conversion kills LibreOffice); the event loop never pauses over 100 ms
meanwhile (a timer due every 10 ms notes the longest gap)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from ..conftest import DATA
from ..test_office_inputs import _convert
from .stalls import StallMeter

STALL_MS = 100


@pytest.fixture(scope="module")
def doc_draft(tmp_path_factory):
    """A Word 97 .doc made by LibreOffice from one of the Word drafts."""
    return _convert(DATA / "2022-no07-training.docx", "doc", tmp_path_factory.mktemp("doc"))


def _jobs(w):
    started = []
    w.ctl.job_started.connect(lambda job, title: started.append((job, title)))
    return started


def _dialog(w):
    found = [d for d in w.findChildren(QProgressDialog) if d.isVisible()]
    return found[0] if found else None


def test_a_doc_is_imported_in_the_background(qtbot, window, doc_draft, monkeypatch):
    w = window
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(doc_draft)], ""))
    started = _jobs(w)
    articles = len(w.issue.articles)
    labels = []
    with StallMeter() as meter:
        w.import_dialog()
        assert len(started) == 1
        job, title = started[0]
        assert title == "导入稿件" and job.label == doc_draft.name

        def note_dialog():
            d = _dialog(w)
            if d is not None:
                labels.append(d.labelText())

        with qtbot.waitSignal(job.signals.done, timeout=120000):
            while not labels:
                qtbot.wait(20)
                note_dialog()
    assert meter.worst_ms < STALL_MS, meter.worst_ms
    assert doc_draft.name in labels[0] and "导入稿件" in labels[0]
    assert len(w.issue.articles) == articles + 1
    qtbot.waitUntil(lambda: _dialog(w) is None, timeout=5000)


def test_cancelling_a_conversion_kills_libreoffice(qtbot, window, doc_draft, monkeypatch):
    w = window
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(doc_draft)], ""))
    spawned: list[subprocess.Popen] = []
    real = subprocess.Popen

    def popen(*a, **k):
        proc = real(*a, **k)
        spawned.append(proc)
        return proc

    monkeypatch.setattr(subprocess, "Popen", popen)
    started = _jobs(w)
    articles = len(w.issue.articles)
    w.import_dialog()
    job, _title = started[0]
    qtbot.waitUntil(lambda: bool(spawned) and _dialog(w) is not None, timeout=10000)
    assert spawned[0].poll() is None  # LibreOffice is converting
    dialog = _dialog(w)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert spawned[0].poll() is not None
    qtbot.waitUntil(lambda: not _alive_in_group(spawned[0].pid), timeout=3000)
    assert len(w.issue.articles) == articles
    assert "已取消" in w.statusBar().currentMessage()
    qtbot.waitUntil(lambda: _dialog(w) is None, timeout=5000)


def _alive_in_group(pgid: int) -> list[int]:
    """Processes of the group LibreOffice was started in that still run (a killed
    child its dead parent left is a zombie until adopted and reaped: not running)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def test_export_runs_in_the_background_with_its_dialog(qtbot, window, tmp_path, monkeypatch):
    w = window
    out = tmp_path / "导出.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    started = _jobs(w)
    with StallMeter() as meter:
        w.export_dialog("pdf")
        job, title = started[0]
        assert title == "导出" and job.label == out.name
        with qtbot.waitSignal(job.signals.done, timeout=60000):
            pass
    assert meter.worst_ms < STALL_MS, meter.worst_ms
    assert out.read_bytes().startswith(b"%PDF")


def test_a_cancelled_export_writes_nothing(qtbot, window, tmp_path):
    w = window
    out = tmp_path / "a.pdf"
    job = w.export(out, None)
    job.cancel()
    # the job may end before a connection made here would exist: wait on what the
    # window shows (its own handler is connected before the job starts)
    qtbot.waitUntil(lambda: "已取消" in w.statusBar().currentMessage(), timeout=60000)
    assert not out.exists()


def test_publish_runs_in_the_background(qtbot, window, monkeypatch):
    w = window
    monkeypatch.setattr(w, "ask", lambda *_a: True)
    started = _jobs(w)
    with StallMeter() as meter:
        job = w.publish()
        assert job is not None and started[0][0] is job and job.label == w.path.name
        with qtbot.waitSignal(job.signals.done, timeout=60000):
            pass
    assert meter.worst_ms < STALL_MS, meter.worst_ms
    assert w.read_only
