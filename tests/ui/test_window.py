"""The real window, driven offscreen with pytest-qt; every step is checked on the model
and on the files written. Screenshots land in tests/ui/screenshots/ for a person to see."""

import json
import shutil
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt

from lianluo_desk.model.issue import BlockKind
from lianluo_desk.service import SAMPLE_ISSUE

from ..conftest import DATA
from .conftest import SHOTS


def _wait_layout(qtbot, w):
    with qtbot.waitSignal(w.layout_ready, timeout=20000):
        pass


@pytest.mark.slow
def test_compose_an_issue(qtbot, window, tmp_path, monkeypatch):
    w = window
    assert len(w.doc.pages) == 6
    SHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SHOTS / "main-window.png"))

    # import two Word drafts
    n, failed = w.import_files(
        [DATA / "2018-no01-annual-summary.docx", DATA / "2022-no07-training.docx"]
    )
    assert n == 2 and not failed
    assert len(w.issue.articles) == 3
    _wait_layout(qtbot, w)
    pages_after_import = len(w.doc.pages)
    assert pages_after_import > 6

    # change a heading level of the first draft's first heading from the toolbar
    w.ctl.select(1, 0)
    assert w.current_block().kind is BlockKind.HEADING and w.current_block().level == 1
    w.role_actions["heading2"].trigger()
    assert w.issue.articles[1].blocks[0].level == 2

    # reorder articles, then undo
    titles = [a.title_text for a in w.issue.articles]
    w.outline.move_article(2, 0)
    assert [a.title_text for a in w.issue.articles] == [titles[2], titles[0], titles[1]]
    w.undo_stack.undo()
    assert [a.title_text for a in w.issue.articles] == titles
    w.undo_stack.undo()
    assert w.issue.articles[1].blocks[0].level == 1

    # type in the editor: one undo step, the preview follows
    w.ctl.select(0, 0)
    w.editor.text.moveCursor(w.editor.text.textCursor().MoveOperation.End)
    steps = w.undo_stack.index()
    qtbot.keyClicks(w.editor.text, "2023")  # typed keys (QTest sends ASCII only)
    w.editor.text.insertPlainText("补记")  # what an input method commits
    assert w.issue.articles[0].blocks[0].text.endswith("2023补记")
    assert w.undo_stack.index() == steps + 1  # typing in one paragraph is one undo step
    _wait_layout(qtbot, w)
    assert w.ctl.last_layout_ms < 1000

    # a proofing finding fixed from the panel, undoable
    finding = [f for f in w.ctl.findings if f.rule == "halfwidth"][0]
    item = [
        w.proof.proof_list.topLevelItem(i)
        for i in range(w.proof.proof_list.topLevelItemCount())
        if w.proof.proof_list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) is not None
    ][0]
    w.proof.proof_list.setCurrentItem(item)
    chosen = item.data(0, Qt.ItemDataRole.UserRole)

    def present():
        return any(
            (f.rule, f.article, f.block, f.field, f.start)
            == (chosen.rule, chosen.article, chosen.block, chosen.field, chosen.start)
            for f in w.ctl.findings
        )

    assert present()
    w.proof.fix_selected()
    assert not present()
    w.proof_dock.grab().save(str(SHOTS / "proofing-panel.png"))
    w.undo_stack.undo()
    assert present()
    w.undo_stack.redo()
    # all of one rule at once
    w.proof.proof_list.setCurrentItem(w.proof.proof_list.topLevelItem(0))
    rule = w.proof.proof_list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole).rule
    shown = []
    monkeypatch.setattr(
        "lianluo_desk.ui.proof_panel.choose_fixes",
        lambda _p, changes, _t: shown.append(changes) or changes,
    )
    w.proof.fix_rule_of_selected()
    assert shown and all(f.rule == rule for f in shown[0])
    assert not [f for f in w.ctl.findings if f.rule == rule and f.fix is not None]
    assert finding.rule == "halfwidth"

    # save, export PDF and DOCX off the UI thread
    assert w.save()
    saved = json.loads(Path(w.path).read_text("utf-8"))
    assert len(saved["articles"]) == 3
    pdf, docx = tmp_path / "out.pdf", tmp_path / "out.docx"
    job = w.export(pdf, docx)
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    with pdfplumber.open(pdf) as doc:
        text = "".join((p.extract_text() or "") for p in doc.pages).replace(" ", "")
        assert len(doc.pages) == len(w.doc.pages)
    assert "2023补记" in text.replace("\n", "")
    assert docx.stat().st_size > 10000

    # masthead form: numbers shown, an override recorded with its warning
    w.masthead.f_number.setValue(9)
    w.masthead.edited()
    assert w.issue.masthead.number == 9
    assert "期号不连续" in w.masthead.w_number.text()  # in Chinese only
    w.masthead_dock.grab().save(str(SHOTS / "masthead-form.png"))


@pytest.mark.slow
def test_publish_and_archive_browser(qtbot, window, tmp_path, monkeypatch):
    w = window
    monkeypatch.setattr(w, "ask", lambda title, text: True)  # 发布 asks first
    w.import_files([DATA / "2022-no07-training.docx"])
    w.push(
        "校对全部",
        lambda issue: __import__("lianluo_desk.proof", fromlist=["fix"]).fix(
            issue, ["halfwidth", "spaces", "quotes", "dashes"]
        ),
    )
    assert w.save()
    job = w.publish()
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: w.read_only, timeout=10000)
    assert list((tmp_path / "lib" / "published").glob("*.pdf"))
    n = len(w.issue.articles)
    w.editor.set_role("heading1")  # refused: read-only
    assert len(w.issue.articles) == n and "只读" in w.statusBar().currentMessage()

    from lianluo_desk.ui.archive_dialog import ArchiveDialog

    dlg = ArchiveDialog(w.ctl, w, lambda: w.export_dialog("pdf"))
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 1
    dlg.query.setText("代表建议")
    dlg.refresh()
    assert dlg.table.rowCount() >= 1
    dlg.show()
    dlg.grab().save(str(SHOTS / "archive-browser.png"))
    dlg.table.selectRow(0)
    dlg.open_selected()
    assert w.read_only and w.issue.masthead.number == 7


@pytest.mark.slow
def test_distribution_editor(qtbot, window):
    w = window
    w.distribution.preset_box.setCurrentText("2021")
    w.distribution.apply_preset()
    assert len(w.issue.banji.distribution) == 7
    w.distribution.groups.setCurrentRow(1)
    first = w.issue.banji.distribution[1].text
    w.distribution.move_group(1)
    assert w.issue.banji.distribution[2].text == first
    w.distribution.groups.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert len(w.issue.banji.distribution) == 6
    w.distribution.save_preset("测试")
    from lianluo_desk.archive.store import Archive

    with Archive(w.library) as a:
        assert a.presets()["测试"][1] == [g.text for g in w.issue.banji.distribution]


def test_crash_recovery(qtbot, tmp_path, monkeypatch):
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow

    make_app()
    issue = tmp_path / "issue.json"
    shutil.copy(SAMPLE_ISSUE, issue)
    w = MainWindow(tmp_path / "lib", str(issue), ask_recover=False)
    w.ctl.select(0, 0)
    w.editor.text.moveCursor(w.editor.text.textCursor().MoveOperation.End)
    w.editor.text.insertPlainText("崩溃前的修改")
    w.autosave()
    # the session "dies" here: no closeEvent, no save; its lock goes as with a dead process
    w.ctl.autosaver.lock.unlock()

    monkeypatch.setattr(MainWindow, "ask", lambda self, title, text: True)
    w2 = MainWindow(tmp_path / "lib", str(issue), ask_recover=True)
    qtbot.addWidget(w2)
    assert w2.issue.articles[0].blocks[0].text.endswith("崩溃前的修改")
    assert not w2.undo_stack.isClean()  # offered back as an unsaved change
    assert json.loads(issue.read_text("utf-8")) == json.loads(SAMPLE_ISSUE.read_text("utf-8"))
    w2.undo_stack.setClean()
    w.undo_stack.setClean()
    w.deleteLater()


@pytest.mark.slow
def test_print_to_pdf(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    job = window.print_to(printer)
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    with pdfplumber.open(out) as doc:
        assert len(doc.pages) == len(window.doc.pages)
        assert doc.pages[0].width == pytest.approx(595.3, abs=1)
        assert (
            len(doc.pages[0].curves) + len(doc.pages[0].rects) + len(doc.pages[0].lines) > 0
            or out.stat().st_size > 20000
        )


def test_past_issue_dropped_on_an_empty_issue(qtbot, tmp_path):
    """A printed issue's text imported into a new, empty issue brings its masthead, so it
    is laid out in its year's format; undo gives the empty issue back."""
    from lianluo_desk.layout.pagebreaks import deviations
    from lianluo_desk.model.store import save_issue
    from lianluo_desk.service import new_issue
    from lianluo_desk.template import load_template
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow

    from ..conftest import FROZEN, past

    make_app()
    path = tmp_path / "empty.json"
    save_issue(new_issue(load_template(), FROZEN), path)
    w = MainWindow(tmp_path / "lib", str(path), ask_recover=False)
    w.quiet = True
    w.show()
    try:
        qtbot.waitUntil(lambda: w.doc is not None, timeout=20000)
        n, failed = w.import_files([DATA / "2018-no01.txt"])
        assert n == 1 and not failed
        m = w.issue.masthead
        assert (m.number, m.cumulative, m.date.isoformat()) == (1, 545, "2018-01-31")
        assert len(w.issue.banji.distribution) == 6
        _wait_layout(qtbot, w)
        devs = deviations(w.doc, past("2018-no01").cuts, 22)
        assert len(devs) == 11 and max(abs(d.lines) for d in devs) <= 1
        w.undo_stack.undo()
        assert not w.issue.articles and w.issue.masthead.date == FROZEN
    finally:
        w.undo_stack.setClean()
        w.close()


@pytest.mark.slow
def test_past_issue_pdfs_into_the_archive_from_the_app(qtbot, window, composer, tmp_path):
    from lianluo_desk.archive.store import Archive
    from lianluo_desk.export.pdf import write_pdf

    from ..conftest import past

    w = window
    folder = tmp_path / "back"
    folder.mkdir()
    for name in ("2021-no02", "2022-no07"):
        write_pdf(composer.compose(past(name).issue), folder / f"{name}.pdf")
    job = w.ctl.import_past([folder])
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    with Archive(w.library) as archive:
        assert sorted(i.number for i in archive.list()) == [2, 7]
    assert "已导入往期 2 期" in w.statusBar().currentMessage()


def test_damaged_archive_offered_a_restore_at_start(qtbot, tmp_path, monkeypatch):
    from lianluo_desk.archive import backup, health
    from lianluo_desk.archive.store import DB_NAME, Archive
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow

    make_app()
    lib = tmp_path / "lib"
    with Archive(lib) as archive:
        archive.add(past_issue("2022-no07"))
    backup.backup(lib, "publish")
    (lib / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\x5a" * 8192)
    asked = []
    monkeypatch.setattr(MainWindow, "ask", lambda self, title, text: asked.append(title) or True)
    w = MainWindow(lib, None)
    w.quiet = True
    assert asked == ["档案已损坏"]
    assert not health.problems(lib / DB_NAME)
    with Archive(lib) as archive:
        assert [i.number for i in archive.list()] == [7]
    w.undo_stack.setClean()
    w.close()


def past_issue(name):
    from ..conftest import past

    return past(name).issue


def test_first_new_issue_with_an_empty_archive_offers_the_import(window, monkeypatch):
    w = window
    asked = []
    monkeypatch.setattr(w, "ask", lambda title, text: asked.append(title) or False)
    from lianluo_desk.ui.new_issue_dialog import NewIssueDialog

    monkeypatch.setattr(NewIssueDialog, "exec", lambda self: 1)  # today's date taken
    w.new_issue()
    assert asked == ["档案为空"]
    assert w.path is None and not w.issue.articles  # a new issue, numbered by guess


@pytest.fixture()
def reviewed_docx(tmp_path, template):
    from ..test_review import reviewed

    return reviewed.__wrapped__(tmp_path, template)


@pytest.mark.slow
def test_review_panel_accepts_and_undoes(qtbot, window, reviewed_docx):
    w = window
    _issue, path = reviewed_docx
    n = w.open_review(path)
    assert n == 6 and w.review.list.topLevelItemCount() == 6
    deletion = next(c for c in w.review.changes if c.kind == "删除")
    item = w.review.list.topLevelItem(deletion.number - 1)
    w.review.list.setCurrentItem(item)
    w.review.jump_to(item)
    assert (w.ctl.article, w.ctl.block) == (0, 0)
    before = w.issue.articles[0].blocks[0].text
    w.review.decide(True, all_=True)
    text = w.issue.articles[0].blocks[0].text
    assert text.startswith("春风送暖") and "举办本次培训班" in w.issue.articles[0].blocks[1].text
    comment = next(c for c in w.review.changes if c.kind == "批注")
    assert comment.number in w.review.accepted
    _wait_layout(qtbot, w)  # the preview shows the accepted text
    assert any("春风送暖" in ln.text for p in w.doc.pages for ln in p.lines)
    w.undo_stack.undo()
    assert w.issue.articles[0].blocks[0].text == before
    assert not w.review.accepted  # the panel shows the decision undone
    w.undo_stack.redo()
    assert comment.number in w.review.accepted
    w.review_dock.grab().save(str(SHOTS / "review-panel.png"))
