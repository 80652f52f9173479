"""The document controller: owns the open issue, its file, its undo stack, the current
article and paragraph, autosave, and the jobs that run off the UI thread (layout,
export, publication). Panels read the issue from here and change it only through
``push``; they learn about changes from the signals, never from each other."""

from __future__ import annotations

import datetime as _dt
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack

from .. import proof, service
from ..archive.store import Archive
from ..errors import UserError
from ..layout.boxes import Document
from ..model.issue import Article, Block, Issue
from ..model.store import dumps, issue_from_dict, load_issue, save_issue
from ..places import ISSUE_SUFFIXES
from ..template import load_template
from .autosave import AutosaveSession, Orphan
from .commands import IssueCommand
from .drafts_in import DraftsRead, assets_of, read_drafts
from .messages import for_app
from .workers import Job

AUTOSAVE_SECONDS = 15
UNDO_STEPS = 300  # each step holds two snapshots: a working day must stay bounded
Change = Callable[[Issue], object]
Report = Callable[[int, str], None]


class DocumentController(QObject):
    """One open issue and everything that happens to it."""

    changed = Signal(bool)  # the issue changed; True: only the current paragraph's text
    selection_changed = Signal(int)  # article/paragraph chosen; the text cursor offset
    shown = Signal(int, int)  # (article, paragraph) the editor is on: the preview follows
    layout_ready = Signal()  # ``doc`` holds a fresh layout (or the layout failed)
    focus = Signal(str)  # "masthead" / "footer": show that part
    message = Signal(str, int)  # status line text, milliseconds
    failed = Signal(str)  # an error the user must see
    progress = Signal(int, str)  # a job's percent and message; -1 when it ends
    path_changed = Signal()
    replaced = Signal()  # another issue was opened or made: what was made for the old goes
    job_started = Signal(object, str)  # a Job and what it does: the window follows it

    def __init__(self, library: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = Path(library)
        self.library.mkdir(parents=True, exist_ok=True)
        self.template = load_template()
        self.fonts = service.fontset(self.template, self.library)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_STEPS)
        self.pool = QThreadPool.globalInstance()
        self.issue = service.new_issue(self.template, _dt.date.today())
        self.path: Path | None = None
        self.read_only = False
        # counts the issues taken: a list, a finding or a job made for one issue is
        # checked against it before it may change the issue that is open now
        self.generation = 0
        self.doc: Document | None = None
        self.findings: list[proof.Finding] = []
        self._proof_memo: proof.Memo = {}  # each text's findings, checked once
        self.article = -1
        self.block = -1
        self.last_layout_ms = 0.0
        from ..layout.engine import Composer

        # kept between layouts: paragraphs that did not change are not set again
        self.composer = Composer(self.template, self.fonts)
        self._layout_job: Job | None = None
        self._layout_again = False
        self._layout_started = 0.0
        self._layout_for = 0  # the generation the running layout is for
        self._jobs: list[Job] = []
        self.relayout_timer = QTimer(self, singleShot=True, interval=80)
        self.relayout_timer.timeout.connect(self.relayout)
        self.autosaver = AutosaveSession(self.library)
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_SECONDS * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # -- the model --------------------------------------------------------------------

    def push(self, text: str, change: Change, merge_key: object = None) -> None:
        """Apply ``change`` to the issue as one undoable step."""
        if self.read_only:
            self.message.emit("本期已发布，只读；如需修改，请用 文件 → 更正", 5000)
            return
        command = IssueCommand(self, text, change, merge_key)
        refused = command.apply()
        if refused is not None:  # nothing changed; the user is told why
            self.model_changed()
            self.failed.emit(refused)
            return
        self.undo_stack.push(command)

    def model_changed(self, light: bool = False) -> None:
        """Called by the undo commands; views refresh, the layout follows shortly."""
        if not light:
            self.refresh_findings()
        self.changed.emit(light)
        self.relayout_timer.start()

    def refresh_findings(self) -> list[proof.Finding]:
        """Checked after every whole-issue step: only texts not seen before are checked
        (all of a 30-page issue took a third of a second, the window frozen meanwhile)."""
        if len(self._proof_memo) > 6000:  # old texts of a long session (a few MB)
            self._proof_memo.clear()
        self.findings = proof.check(self.issue, memo=self._proof_memo)
        return self.findings

    def archive(self) -> Archive:
        return Archive(self.library)

    def current_article(self) -> Article | None:
        arts = self.issue.articles
        return arts[self.article] if 0 <= self.article < len(arts) else None

    def current_block(self) -> Block | None:
        art = self.current_article()
        if art is not None and 0 <= self.block < len(art.blocks):
            return art.blocks[self.block]
        return None

    def select(self, article: int, block: int = 0, cursor: int = -1) -> None:
        """Make a paragraph current; ``cursor`` puts the text cursor there."""
        self.article, self.block = article, block
        self.selection_changed.emit(cursor)
        self.shown.emit(article, block)

    # -- layout -----------------------------------------------------------------------

    def relayout(self) -> None:
        """Lay the issue out in the thread pool; typing goes on meanwhile."""
        if self._layout_job is not None:
            self._layout_again = True
            return
        snapshot = self.snapshot()
        composer = self.composer

        def work(_report: Report) -> Document:
            return composer.compose(snapshot)  # one job at a time uses it

        job = Job(work)
        self._layout_for = self.generation
        job.signals.done.connect(self._layout_done)
        job.signals.failed.connect(self._layout_failed)
        self._layout_job = job
        self._layout_started = time.perf_counter()
        job.start(self.pool)

    def layout_pending(self) -> bool:
        """A layout is due or running: ``doc`` is not yet the issue as it stands."""
        return self.relayout_timer.isActive() or self._layout_job is not None

    def _layout_done(self, doc: Document) -> None:
        if self._layout_for != self.generation:  # laid out for an issue no longer open
            self._stale()
            return
        self._layout_job = None
        self.doc = doc
        self.last_layout_ms = (time.perf_counter() - self._layout_started) * 1000
        self.message.emit(f"共 {len(doc.pages)} 页", 3000)
        if self._layout_again:
            self._layout_again = False
            self.relayout()
        else:
            self.layout_ready.emit()

    def _stale(self) -> None:
        """A layout of an issue no longer open: thrown away, the open one laid out."""
        self._layout_job = None
        self._layout_again = False
        self.relayout()

    def _layout_failed(self, message: str) -> None:
        self._layout_job = None
        self.message.emit(f"排版失败：{message}", 8000)
        self.layout_ready.emit()

    def snapshot(self) -> Issue:
        """A copy of the issue for a job, so that typing can go on."""
        copy = issue_from_dict(json.loads(dumps(self.issue)))
        copy.origin = self.issue.origin
        return copy

    # -- files ------------------------------------------------------------------------

    def autosave(self) -> None:
        """Write unsaved edits to this session's own file (untitled issues too)."""
        if self.undo_stack.isClean() or self.read_only:
            return
        self.autosaver.write(self.issue, self.path)

    def drop_autosave(self) -> None:
        self.autosaver.drop()

    def orphans(self) -> list[Orphan]:
        """Autosaves left by sessions that ended without saving, newest first."""
        return self.autosaver.orphans()

    def recover(self, orphan: Orphan) -> bool:
        """Open what a dead session had (its file, or untitled) with its edits as one
        undoable, unsaved change; the orphan is then this session's to autosave."""
        try:
            recovered = orphan.issue()
        except UserError as exc:
            self.failed.emit(for_app(exc))
            return False
        path = Path(orphan.path) if orphan.path else None
        if path is not None and path.exists():
            if not self.open_path(path):
                return False
        else:
            self._take(service.new_issue(self.template, recovered.masthead.date), None, False)
        self.push("恢复自动保存的修改", lambda i: _replace(i, recovered))
        self.autosave()
        orphan.file.unlink(missing_ok=True)
        self.message.emit("已恢复自动保存的修改，请保存", 6000)
        return True

    def open_path(self, path: Path, ask: Callable[[str, str], bool] | None = None) -> bool:
        """Open an issue file; ``ask`` is asked whether to take autosaved edits back."""
        try:
            issue = load_issue(path)
        except UserError as exc:
            self.failed.emit(for_app(exc))
            return False
        self._take(issue, path, issue.published.get("state") == "published")
        self.model_changed()
        if ask is not None and not self.read_only:
            mine = [o for o in self.orphans() if o.path and _same(Path(o.path), path)]
            if mine and ask("恢复未保存的修改", f"{mine[0].describe()}的修改未存盘，是否恢复？"):
                self.recover(mine[0])
        return True

    def show_archived(self, issue: Issue) -> None:
        """A past issue from the archive, read-only."""
        self._take(issue, None, True)
        self.model_changed()

    def new_issue(
        self,
        date: _dt.date | None = None,
        numbers: tuple[int, int] | None = None,
        supplement: bool = False,
    ) -> list[str]:
        """A new issue for ``date`` (today) numbered from the archive as 'new --date'
        does, or with the editor's ``numbers``; returns the numbering warnings."""
        from ..app.issues import new_issue

        date = date or _dt.date.today()
        number, cumulative = numbers if numbers is not None else (None, None)
        made = new_issue(self.library, self.template, date, None, supplement, number, cumulative)
        self._take(made.issue, None, False)
        self.model_changed()
        return made.warnings

    def _take(self, issue: Issue, path: Path | None, read_only: bool) -> None:
        self.issue, self.path, self.read_only = issue, path, read_only
        self.article, self.block = (0, 0) if issue.articles else (-1, -1)
        self.undo_stack.clear()
        self.generation += 1
        self.replaced.emit()
        self.path_changed.emit()

    def save(self, path: Path | None = None) -> bool:
        """Write the issue to ``path`` (or its own file); False with a message if not."""
        if path is not None and path != self.path:
            self.drop_autosave()
            self.path = path
            self.path_changed.emit()
        if self.path is None:
            return False
        try:
            service.relocate_assets(self.issue, self.path)
            save_issue(self.issue, self.path)
            self.issue.origin = str(self.path)
        except UserError as exc:
            self.failed.emit(for_app(exc))
            return False
        self.undo_stack.setClean()
        self.drop_autosave()
        self.message.emit(f"已保存 {self.path}", 3000)
        return True

    def suggested_name(self) -> Path:
        m = self.issue.masthead
        stem = self.template.issue_stem(m.date.year, m.number, m.supplement)
        return (self.path.parent if self.path else Path.home()) / f"{stem}{ISSUE_SUFFIXES[0]}"

    # -- drafts in ----------------------------------------------------------------------

    def import_files(self, files: list[Path]) -> tuple[int, list[str]]:
        """Import drafts as new articles (one undoable step), here and now; (how many,
        failures). The window imports with ``import_in_background``."""
        assets, ref = self._assets()
        read = read_drafts(
            files,
            assets,
            ref,
            not self.issue.articles,
            lambda _p, _m: None,
            len(self.issue.articles),
        )
        return self._add_drafts(read)

    def import_in_background(self, files: list[Path]) -> Job:
        """Read the drafts in a job (a LibreOffice conversion takes seconds), then add
        them, if the issue they were read for is still the one open."""
        assets, ref = self._assets()
        empty, issue = not self.issue.articles, self.issue
        existing = len(self.issue.articles)

        def work(report: Report) -> DraftsRead:
            return read_drafts(files, assets, ref, empty, report, existing)

        def done(read: DraftsRead) -> None:
            if self.issue is issue:
                self._add_drafts(read)
            else:
                self.failed.emit("读取稿件期间打开了另一期，稿件未加入")

        names = "、".join(f.name for f in files)
        return self.run_job("导入稿件", work, done, names)

    def _assets(self) -> tuple[Path, str]:
        if self.path is None:
            self.issue.origin = str(self.library / "unsaved" / "issue.json")
        return assets_of(self.path, self.library)

    def _add_drafts(self, read: DraftsRead) -> tuple[int, list[str]]:
        from ..service import adopt_past_issue

        added, failed, past = read.added, read.failed, read.past
        if self.issue.articles:
            past = None  # only an empty issue takes a past issue's masthead

        def apply(issue: Issue) -> None:
            issue.articles.extend(_copy(added))
            if past is not None:
                adopt_past_issue(issue, past.issue)

        if added:
            self.article, self.block = len(self.issue.articles), 0
            self.push(f"导入 {len(added)} 篇稿件", apply)
        summary = f"导入 {len(added)} 篇，失败 {len(failed)} 篇"
        if past is not None and added:
            summary += "；往期刊物，版头与版记取自该期"
        if read.notes:
            summary += "；" + "；".join(read.notes)
        if failed:
            self.failed.emit(summary + "：\n" + "\n".join(failed))
        else:
            self.message.emit(summary, 5000)
        return len(added), failed

    # -- jobs -------------------------------------------------------------------------

    def run_job(
        self,
        title: str,
        fn: Callable[[Report], object],
        done: Callable[[Any], None],
        label: str = "",
    ) -> Job:
        """Run ``fn`` in the thread pool with progress; ``done`` gets its result. The
        window shows a progress dialog naming ``label`` (the file) that can cancel."""
        job = Job(fn, label)
        self.progress.emit(0, "")
        job.signals.progress.connect(self.progress.emit)

        def finished(result: object) -> None:
            self.progress.emit(-1, "")
            self._jobs.remove(job)
            done(result)

        def failed(message: str) -> None:
            self.progress.emit(-1, "")
            self._jobs.remove(job)
            self.failed.emit(f"{title}失败：{message}")

        def cancelled() -> None:
            self.progress.emit(-1, "")
            self._jobs.remove(job)
            self.message.emit(f"已取消{title}", 5000)

        job.signals.done.connect(finished)
        job.signals.failed.connect(failed)
        job.signals.cancelled.connect(cancelled)
        self._jobs.append(job)
        self.job_started.emit(job, title)
        job.start(self.pool)
        return job

    def export(
        self,
        pdf: Path | None,
        docx: Path | None,
        pdfa: Path | None = None,
        ofd: Path | None = None,
    ) -> Job:
        snapshot = self.snapshot()
        template, fonts = self.template, self.fonts

        def work(report: Report) -> dict[str, int]:
            sizes = service.export(
                snapshot, pdf, docx, template, fonts, pdfa=pdfa, ofd=ofd, step=report
            )
            report(100, "导出完成")
            return sizes

        outputs = [p for p in (pdf, docx, pdfa, ofd) if p]
        written = "、".join(str(p) for p in outputs)
        names = "、".join(p.name for p in outputs)
        return self.run_job(
            "导出", work, lambda _s: self.message.emit(f"已导出 {written}", 6000), names
        )

    def publish(self, path: Path) -> Job:
        """Check, export the final PDF into the library, record it; reopen read-only."""
        library, template = self.library, self.template

        def work(report: Report) -> Path:
            from ..app.issues import publish

            report(20, "正在检查并排版…")
            final = publish(path, library, template)
            report(100, "已发布")
            return final

        made_for = self.generation

        def done(final: Path) -> None:
            if self.generation == made_for:  # not when another issue was opened meanwhile
                self.open_path(path)
            self.message.emit(f"已发布并归档：{final}", 8000)

        return self.run_job("发布", work, done, path.name)

    def revise(self) -> bool:
        """Reopen the published issue file as a correction (the archive backed up)."""
        from ..app.issues import revise

        if self.path is None:
            return False
        try:
            revise(self.path, self.library)
        except UserError as exc:
            self.failed.emit(for_app(exc))
            return False
        self.open_path(self.path)
        self.message.emit("已重新打开为更正稿；改好后再次发布即为新的一版", 8000)
        return True

    # -- the archive ------------------------------------------------------------------

    def archive_empty(self) -> bool:
        try:
            with self.archive() as archive:
                return not archive.list()
        except UserError:
            return False

    def archive_problems(self) -> list[str]:
        """What is wrong with the library's archive ([] when sound or not there yet)."""
        from ..archive.health import problems
        from ..archive.store import DB_NAME

        path = self.library / DB_NAME
        return problems(path) if path.exists() else []

    def restore_archive(self) -> bool:
        from ..archive.backup import restore

        try:
            done = restore(self.library)
        except UserError as exc:
            self.failed.emit(for_app(exc))
            return False
        note = f"档案已从 {done.source.name} 恢复，补回 {len(done.readded)} 期"
        if done.failed:
            self.failed.emit(note + "；未能补回：\n" + "\n".join(map(for_app, done.failed)))
        else:
            self.message.emit(note, 8000)
        return True

    def import_past(self, paths: list[Path]) -> Job:
        """Past issues (PDFs, text of prints, issue files, folders) into the archive."""
        library = self.library

        def work(report: Report) -> tuple[int, list[str]]:
            from ..archive.ops import import_files

            with Archive(library) as archive:
                results = import_files(
                    archive,
                    [str(p) for p in paths],
                    lambda k, n, path: report(
                        int(100 * (k - 1) / max(n, 1)), f"{k}/{n} {path.name}"
                    ),
                )
            failed = [for_app(r.error) for r in results if r.error]
            return sum(1 for r in results if not r.error), failed

        def done(result: tuple[int, list[str]]) -> None:
            n, errors = result
            summary = f"已导入往期 {n} 期，失败 {len(errors)} 期"
            if errors:
                self.failed.emit(summary + "：\n" + "\n".join(errors))
            else:
                self.message.emit(summary, 6000)
            self.changed.emit(False)  # numbering warnings may change

        return self.run_job("导入往期", work, done, "、".join(p.name for p in paths))

    def wait(self) -> None:
        self.pool.waitForDone(5000)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _copy(articles: list[Article]) -> list[Article]:
    from copy import deepcopy

    return deepcopy(articles)


def _replace(issue: Issue, other: Issue) -> None:
    """Make ``issue`` (the object the undo stack holds) into ``other``'s content."""
    issue.masthead, issue.note, issue.articles = other.masthead, other.note, other.articles
    issue.banji, issue.template = other.banji, other.template
    issue.confirmed = other.confirmed
