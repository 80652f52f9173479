"""Ctrl+N asks for the date and numbers the issue from the archive for it, as the command
line's 'new --date' does; a date changed later proposes again, the editor's own numbers
stay with a warning; on an empty archive the import offer goes on to the new issue."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate

from lianluo_desk.archive.store import Archive
from lianluo_desk.ui.new_issue_dialog import NewIssueDialog

from ..conftest import FROZEN, cli, past


def _archive_with_past(w):
    with Archive(w.library) as archive:
        for name in ("2022-no07", "2021-no02"):
            archive.add(past(name).issue)


def _cli_numbers(w, tmp_path, date):
    out = tmp_path / f"cli-{date}.json"
    r = cli("new", str(out), "--date", date, env={"LIANLUO_DESK_LIBRARY": str(w.library)})
    assert r.returncode == 0, r.stderr
    m = json.loads(out.read_text("utf-8"))["masthead"]
    return m["number"], m["cumulative"]


def _answer(monkeypatch, date=None, numbers=None):
    """The dialog as the editor fills it in: a date, perhaps their own numbers."""
    seen = {}

    def exec_(dialog):
        seen["today"] = dialog.date
        if date is not None:
            dialog.f_date.setDate(QDate(date.year, date.month, date.day))
        seen["proposed"] = dialog.numbers
        if numbers is not None:
            dialog.f_number.setValue(numbers[0])
            dialog.f_cumulative.setValue(numbers[1])
        seen["warning"] = dialog.w_numbers.text()
        return 1

    monkeypatch.setattr(NewIssueDialog, "exec", exec_)
    return seen


@pytest.mark.slow
def test_new_issue_for_a_date_numbered_as_the_command_line(window, monkeypatch, tmp_path):
    w = window
    _archive_with_past(w)
    seen = _answer(monkeypatch, FROZEN)
    w.new_issue()
    assert seen["today"] == dt.date.today()  # the date asked, today by default
    m = w.issue.masthead
    assert (m.date, m.number, m.cumulative) == (FROZEN, 8, 657)
    assert (m.number, m.cumulative) == _cli_numbers(w, tmp_path, FROZEN.isoformat())
    assert w.path is None and not w.issue.articles
    # the date changed in the 版头 form: the numbers follow it
    w.masthead.f_date.setDate(QDate(2023, 1, 10))
    w.masthead.edited()
    m = w.issue.masthead
    assert (m.number, m.cumulative) == (1, 657) == _cli_numbers(w, tmp_path, "2023-01-10")
    # the editor's own number stays when the date changes again, with the warning
    w.masthead.f_number.setValue(5)
    w.masthead.edited()
    w.masthead.f_date.setDate(QDate(2023, 2, 10))
    w.masthead.edited()
    assert (w.issue.masthead.number, w.issue.masthead.date) == (5, dt.date(2023, 2, 10))
    assert "期号不连续" in w.masthead.w_number.text()


def test_the_dialog_proposes_again_and_keeps_an_override(window, monkeypatch):
    w = window
    _archive_with_past(w)
    dialog = NewIssueDialog(w.ctl, w, today=FROZEN)
    assert dialog.numbers == (8, 657)
    dialog.f_date.setDate(QDate(2023, 3, 1))
    assert dialog.numbers == (1, 657)  # a new year starts at 1
    dialog.f_number.setValue(7)  # the editor's choice
    assert "期号不连续" in dialog.w_numbers.text()
    dialog.f_date.setDate(QDate(2023, 4, 1))
    assert dialog.numbers == (7, 657) and "推算为第1期" in dialog.w_numbers.text()
    dialog.f_date.setDate(QDate(2022, 5, 30))
    dialog.f_number.setValue(7)
    assert "期号重复" in dialog.w_numbers.text()
    seen = _answer(monkeypatch, dt.date(2022, 9, 1), (7, 656))
    w.new_issue()
    assert "期号重复" in seen["warning"] and w.issue.masthead.number == 7
    assert "期号重复" in w.masthead.w_number.text()


@pytest.mark.slow
def test_empty_archive_import_goes_on_to_the_new_issue(qtbot, window, monkeypatch, tmp_path):
    from lianluo_desk.export.pdf import write_pdf

    w = window
    pdf = tmp_path / "2022-no07.pdf"
    from lianluo_desk.layout.engine import Composer

    write_pdf(Composer(w.ctl.template, w.ctl.fonts).compose(past("2022-no07").issue), pdf)
    asked = []
    monkeypatch.setattr(w, "ask", lambda title, text: asked.append(title) or True)
    monkeypatch.setattr(
        "lianluo_desk.ui.main_window.QFileDialog.getOpenFileNames",
        lambda *a, **k: ([str(pdf)], ""),
    )
    _answer(monkeypatch, FROZEN)
    w.new_issue()
    assert asked == ["档案为空"]
    qtbot.waitUntil(lambda: w.path is None and w.issue.masthead.number == 8, timeout=60000)
    assert w.issue.masthead.cumulative == 657


def test_a_supplement_is_offered_the_name_it_is_published_under(window):
    """The name the window proposes for saving is the published PDF's stem: a supplement
    (增刊) has its own series, so its file is told apart from the regular issue's."""
    m = window.ctl.issue.masthead
    regular = window.ctl.suggested_name().stem
    m.supplement = True
    assert window.ctl.suggested_name().stem == f"{regular}-增刊"
    assert window.ctl.template.issue_stem(m.date.year, m.number, True) == f"{regular}-增刊"
