"""The main window: a frame that wires the panels to the document controller and holds
what belongs to the window itself — menus and toolbar, docks, the status line, file
dialogs, printing, window state. Simplified Chinese throughout (novelWriter's gui/ shape:
one module per panel, a main window that connects them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QMenu,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QWidget,
)

from . import preview_tools
from .controller import DocumentController
from .distribution_panel import DistributionPanel
from .dock_focus import DockFocus
from .editor_panel import ROLE_ACTIONS, EditorPanel
from .jobs import follow
from .masthead_panel import MastheadPanel
from .messages import for_app
from .outline_panel import OutlinePanel
from .preview import PreviewView
from .proof_panel import ProofPanel
from .review_panel import ReviewPanel
from .screenfit import fit_to_screen
from .window_dialogs import WindowDialogs
from .workers import Job


def recent_files(settings: QSettings) -> list[str]:
    """The issue files worked on, the last first."""
    value: Any = settings.value("recent", [])
    if isinstance(value, str):
        return [value]
    return [str(p) for p in value or []]


def _shown_name(path: Path) -> str:
    """An issue file's name as the title bar shows it: without the internal suffix."""
    from ..places import ISSUE_SUFFIXES

    return path.stem if path.suffix.lower() in ISSUE_SUFFIXES else path.name


NARROW = 1300  # px: below this width a first start arranges the panels for a small screen


class MainWindow(WindowDialogs):
    def __init__(
        self, library: Path, issue_path: str | None = None, ask_recover: bool = True
    ) -> None:
        super().__init__()
        self.quiet = False  # tests: errors go to the status line, not a modal box
        self.ctl = ctl = DocumentController(library, self)
        self.settings = QSettings(str(ctl.library / "ui.ini"), QSettings.Format.IniFormat)
        self.settings.setValue("started", True)  # the sample is for the first start only
        self.outline = OutlinePanel(ctl)
        self.editor = EditorPanel(ctl)
        self.preview = PreviewView()
        self.masthead = MastheadPanel(ctl)
        self.distribution = DistributionPanel(ctl)
        self.proof = ProofPanel(ctl)
        self.review = ReviewPanel(ctl)
        self._build()
        self._wire()
        geometry = self.settings.value("geometry", QByteArray())
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        fit_to_screen(self)  # first start, a larger screen's size, a killed session's
        state = self.settings.value("state", QByteArray())
        self._arranged: bool | None = None  # narrow or wide, once no state was restored
        if not isinstance(state, QByteArray) or not self.restoreState(state):
            self.resizeDocks([self.proof_dock], [170], Qt.Orientation.Vertical)
            self._arranged = False
        self._offer_restore()
        if issue_path:
            ctl.open_path(Path(issue_path), self.ask if ask_recover else None)
            self._remember(Path(issue_path))
        else:
            ctl.model_changed()
        if ask_recover:
            self.offer_recovery()
        self._update_title()

    # -- the frame ----------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle("联络动态 编辑排版")
        self.split = split = QSplitter()
        split.addWidget(self.outline)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        split.setSizes([240, 520, 680])
        for i, (part, least) in enumerate(((self.outline, 150), (self.editor, 250))):
            part.setMinimumWidth(least)
            split.setCollapsible(i, False)
        self.preview.setMinimumWidth(300)
        self.setCentralWidget(self._with_banner(split))
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.masthead_dock = self._dock("版头与版记", self.masthead, right, scroll=True)
        self.dist_dock = self._dock("送（分送范围）", self.distribution, right, scroll=True)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.proof_dock = self._dock("校对", self.proof, bottom)
        self.review_dock = self._dock("审阅", self.review, bottom)
        self.tabifyDockWidget(self.proof_dock, self.review_dock)
        self.proof_dock.raise_()
        self.dock_focus = DockFocus(self, [self.proof_dock, self.review_dock])
        self._build_actions()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.setAcceptDrops(True)

    def _with_banner(self, split: QSplitter) -> QWidget:
        """The panes under the band a published issue shows."""
        from PySide6.QtWidgets import QVBoxLayout

        from .readonly_banner import ReadOnlyBanner

        self.banner = ReadOnlyBanner(self.ctl, self.revise, [self.masthead, self.distribution])
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        return central

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._arranged is not None:
            self.arrange(self.width() < NARROW)

    def arrange(self, narrow: bool) -> None:
        """A first start's layout for the screen: on a narrow one (1024 px) the 版头 and
        送 panels share one tabbed dock and the pages keep a readable width."""
        if narrow == self._arranged:  # the same arrangement: the panes share the new width
            QTimer.singleShot(0, self._size_split)
            return
        self._arranged = narrow
        right = Qt.Orientation.Horizontal
        if narrow:
            self.tabifyDockWidget(self.masthead_dock, self.dist_dock)
            self.masthead_dock.raise_()
            self.resizeDocks([self.masthead_dock], [215], right)
            self.resizeDocks([self.proof_dock], [130], Qt.Orientation.Vertical)
        else:
            self.splitDockWidget(self.masthead_dock, self.dist_dock, Qt.Orientation.Vertical)
            self.resizeDocks([self.masthead_dock], [320], right)
        QTimer.singleShot(0, self._size_split)  # once the docks have their new width

    def _size_split(self) -> None:
        narrow = bool(self._arranged)
        total = self.split.width()
        outline = 150 if narrow else 240
        editor = max(250, int((total - outline) * (0.4 if narrow else 0.42)))
        self.split.setSizes([outline, editor, total - outline - editor])

    def _wire(self) -> None:
        ctl = self.ctl
        ctl.layout_ready.connect(self._show_layout)
        ctl.shown.connect(lambda a, b: self.preview.show_block((a, b)))
        ctl.focus.connect(self._focus)
        ctl.message.connect(lambda text, ms: self.statusBar().showMessage(for_app(text), ms))
        ctl.failed.connect(self.error)
        ctl.progress.connect(self._progress)
        ctl.job_started.connect(lambda job, title: follow(job, title, self))
        ctl.path_changed.connect(self._update_title)
        ctl.changed.connect(lambda _light: self._update_title())
        ctl.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.proof.title_changed.connect(self.proof_dock.setWindowTitle)
        self.review.title_changed.connect(self.review_dock.setWindowTitle)

    def _dock(
        self, title: str, widget: QWidget, area: Qt.DockWidgetArea, scroll: bool = False
    ) -> QDockWidget:
        """A dock for a panel; ``scroll``: a tall form scrolls inside its dock, so that
        stacked docks never ask more height than a 768-line screen has."""
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        if scroll:
            box = QScrollArea()
            box.setWidgetResizable(True)
            box.setFrameShape(QFrame.Shape.NoFrame)
            box.setWidget(widget)
            widget = box
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        menu: QMenu | None = None,
    ) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _=False: slot())
        if menu is not None:
            menu.addAction(a)
        return a

    def _role_setter(self, role: str) -> Callable[[], None]:
        return lambda: self.editor.set_role(role)

    def _build_actions(self) -> None:
        mb = self.menuBar()
        fm = mb.addMenu("文件(&F)")
        self._action("新建一期(&N)", self.new_issue, QKeySequence.StandardKey.New, fm)
        self._action("打开(&O)…", self.open_dialog, QKeySequence.StandardKey.Open, fm)
        self.recent_menu = fm.addMenu("最近文件")
        self._action("恢复自动保存…", lambda: self.offer_recovery(True), None, fm)
        self._action("保存(&S)", self.save, QKeySequence.StandardKey.Save, fm)
        self._action("另存为…", self.save_as, QKeySequence.StandardKey.SaveAs, fm)
        fm.addSeparator()
        self._action("导入稿件(&I)…", self.import_dialog, "Ctrl+I", fm)
        self._action("从剪贴板粘贴稿件", self.paste_draft, "Ctrl+Shift+V", fm)
        fm.addSeparator()
        self._action("导出 PDF…", lambda: self.export_dialog("pdf"), "Ctrl+E", fm)
        self._action("导出 Word (DOCX)…", lambda: self.export_dialog("docx"), "Ctrl+Shift+E", fm)
        self._action("打印(&P)…", self.print_dialog, QKeySequence.StandardKey.Print, fm)
        self._action("发布并归档…", self.publish, None, fm)
        self._action("更正（重新打开已发布的一期）…", self.revise, None, fm)
        fm.addSeparator()
        self._action("退出(&X)", self.close, QKeySequence.StandardKey.Quit, fm)
        em = mb.addMenu("编辑(&E)")
        undo = self.ctl.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctl.undo_stack.createRedoAction(self, "重做")
        # Word's Ctrl+Y and the Ctrl+Shift+Z of other programs, whatever the platform says
        keys = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
        keys += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in keys
        ]
        redo.setShortcuts(keys)
        self.undo_action, self.redo_action = undo, redo
        em.addAction(undo)
        em.addAction(redo)
        em.addSeparator()
        self._action(
            "查找(&F)…", lambda: self.find_replace(False), QKeySequence.StandardKey.Find, em
        )
        self._action("替换(&H)…", lambda: self.find_replace(True), "Ctrl+H", em)
        em.addSeparator()
        tb = self.addToolBar("段落角色")
        tb.setObjectName("roles")
        tb.addAction(undo)
        tb.addAction(redo)
        tb.addSeparator()
        self.role_actions: dict[str, QAction] = {}
        for role, label, key in ROLE_ACTIONS:
            a = self._action(label, self._role_setter(role), key, em)
            tb.addAction(a)
            self.role_actions[role] = a
        em.addSeparator()
        ed = self.editor
        merge = self._action("与下一段合并", ed.merge_with_next, "Ctrl+Shift+J", em)
        split = self._action("在光标处拆分段落", lambda: ed.split_at(), "Ctrl+Return", em)
        delete = self._action("删除段落", ed.delete_block, "Ctrl+Shift+Delete", em)
        ed.add_menu_actions(
            [*self.role_actions.values(), None, merge, split, delete, None, undo, redo]
        )
        self.banner.add_fields(*self.role_actions.values(), merge, split, delete)
        em.addSeparator()
        up = self._action("上移文章", lambda: self.outline.move_current(-1), "Alt+Up", em)
        down = self._action("下移文章", lambda: self.outline.move_current(1), "Alt+Down", em)
        remove = self._action("删除文章", self.outline.remove_article, None, em)
        self.banner.add_fields(up, down, remove)
        self.outline.add_menu_actions(
            [up, down, remove, None, self._action("导入稿件…", self.import_dialog)]
        )
        am = mb.addMenu("档案(&A)")
        self._action("浏览往期…", self.archive_browser, "Ctrl+Shift+A", am)
        self._action("导入往期（PDF、文本）…", self.import_past_dialog, None, am)
        self._action("导入往期文件夹…", self.import_past_folder, None, am)
        self._action("检查档案", self.check_archive, None, am)
        rm = mb.addMenu("审阅(&R)")
        self._action("打开审阅稿（DOCX）…", self.review_dialog, None, rm)
        vm = mb.addMenu("视图(&V)")
        for dock in (self.masthead_dock, self.dist_dock, self.proof_dock, self.review_dock):
            vm.addAction(dock.toggleViewAction())
        vm.addSeparator()
        self.pages_dock = preview_tools.install(self, vm)  # zoom, pages, marks
        hm = mb.addMenu("帮助(&H)")
        self._action("关于…", self.about, None, hm)
        tb.addSeparator()
        for text, slot in (
            ("导出 PDF", lambda: self.export_dialog("pdf")),
            ("导出 Word", lambda: self.export_dialog("docx")),
            ("发布", self.publish),
        ):
            tb.addAction(self._action(text, slot))
        self._fill_recent()

    def _show_layout(self) -> None:
        if self.ctl.doc is not None:
            self.preview.set_document(self.ctl.doc)

    def _focus(self, part: str) -> None:
        bar = self.preview.verticalScrollBar()
        if part == "masthead":
            self.masthead_dock.raise_()
            bar.setValue(0)
        else:
            self.dist_dock.raise_()
            bar.setValue(bar.maximum())

    def _progress(self, percent: int, message: str) -> None:
        if percent < 0:
            self.progress.hide()
            return
        self.progress.setValue(percent)
        self.progress.show()
        if message:
            self.statusBar().showMessage(message)

    def _update_title(self) -> None:
        ctl = self.ctl
        name = _shown_name(ctl.path) if ctl.path else "未命名"
        star = "" if ctl.undo_stack.isClean() else " *"
        ro = "（已发布，只读）" if ctl.read_only else ""
        self.setWindowTitle(f"{name}{star}{ro} — 联络动态 编辑排版")

    # -- questions and messages -----------------------------------------------------------

    def error(self, text: str) -> None:
        text = for_app(text)
        self.statusBar().showMessage(text, 10000)
        if not self.quiet:
            QMessageBox.warning(self, "联络动态", text)

    # -- files ----------------------------------------------------------------------------

    def save(self) -> bool:
        if self.ctl.path is None:
            return self.save_as()
        if not self.ctl.save():
            return False
        self._remember(self.ctl.path)  # the last worked on opens at the next start
        return True

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(
            self, "另存为", str(self.ctl.suggested_name()), "刊物文件 (*.lld *.json)"
        )
        if not name:
            return False
        self._remember(Path(name))
        return self.ctl.save(Path(name))

    def maybe_save(self) -> bool:
        if self.ctl.undo_stack.isClean() or self.quiet:  # tests: no modal question
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question, "未保存的修改", "本期有未保存的修改。是否保存？", parent=self
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.maybe_save():
            event.ignore()
            return
        self.ctl.autosaver.close()
        self.dock_focus.give_back()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        self.settings.sync()
        self.ctl.wait()
        event.accept()

    def new_issue(self) -> None:
        """Ctrl+N: an empty archive is offered the import of past issues first (then the
        new issue is made); the date is asked, the numbers proposed for it."""
        if not self.maybe_save():
            return
        if self.ctl.archive_empty() and self.ask(
            "档案为空",
            "档案里还没有往期刊物，新一期的期号和总期号只能推测。\n"
            "是否先导入往期刊物（PDF 或文本）？导入后接着新建一期。",
        ):
            job = self.import_past_dialog()
            if job is not None:
                job.signals.done.connect(lambda _r: self._new_issue_for_date())
                job.signals.failed.connect(lambda _m: self._new_issue_for_date())
                return
        self._new_issue_for_date()

    def _new_issue_for_date(self) -> bool:
        from .new_issue_dialog import NewIssueDialog

        dialog = NewIssueDialog(self.ctl, self)
        if not dialog.exec():
            return False
        numbers = dialog.numbers if dialog.numbers != dialog.proposed else None
        warnings = self.ctl.new_issue(dialog.date, numbers, dialog.f_supplement.isChecked())
        if warnings:
            self.statusBar().showMessage("；".join(for_app(w) for w in warnings), 8000)
        return True

    def offer_recovery(self, asked: bool = False) -> bool:
        """Every autosave a dead session left: one is opened, others discarded or kept."""
        from .recovery_dialog import RecoveryDialog

        orphans = self.ctl.orphans()
        if not orphans:
            if asked:
                self.statusBar().showMessage("没有需要恢复的自动保存", 4000)
            return False
        dialog = RecoveryDialog(orphans, self)
        if dialog.exec() and dialog.chosen is not None and self.maybe_save():
            return self.ctl.recover(dialog.chosen)
        return False

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(self, "打开", "", "刊物文件 (*.lld *.json)")
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        if self.ctl.open_path(path, self.ask):
            self._remember(path)

    def _recent(self) -> list[str]:
        return recent_files(self.settings)

    def _remember(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:8])
        self._fill_recent()

    def forget(self, path: Path) -> None:
        self.settings.setValue("recent", [p for p in self._recent() if p != str(path)])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self._recent():
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _=False, x=p: self._open_recent(Path(x)))

    def _open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    # -- drafts in ------------------------------------------------------------------------

    def import_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "导入稿件",
            "",
            "稿件 (*.docx *.doc *.wps *.rtf *.odt *.pdf *.txt *.md);;所有文件 (*)",
        )
        if names:
            self.ctl.import_in_background([Path(n) for n in names])

    def paste_draft(self) -> None:
        from PySide6.QtWidgets import QApplication

        text = QApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("剪贴板里没有文字", 3000)
            return
        tmp = self.ctl.library / "unsaved" / "clipboard.txt"
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, "utf-8")
        self.ctl.import_in_background([tmp])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.ctl.import_in_background(files)
            event.acceptProposedAction()

    # -- export, print, publish -------------------------------------------------------------

    def publish(self) -> Job | None:
        """Publish after saying what it locks; the proofing errors stop it here."""
        ctl = self.ctl
        if ctl.read_only:
            self.error("本期已发布，只读；如需修改，请用 文件 → 更正")
            return None
        from ..proof.judgement import blocking, needs_judgement

        pending = blocking(ctl.issue, ctl.refresh_findings())
        judge = [f for f in pending if needs_judgement(f)]
        errors = [f for f in pending if not needs_judgement(f)]
        if errors:
            self.proof_dock.show()
            self.proof_dock.raise_()
            self.error(f"校对有 {len(errors)} 个错误，请先在 校对 中处理，再发布")
            return None
        m = ctl.issue.masthead
        kind = "增刊" if m.supplement else ""
        again = ctl.issue.published.get("state") == "revising"
        what = f"{m.date.year}年{kind}第{m.number}期（总第{m.cumulative}期）"
        text = (
            f"发布{what}{'的更正版' if again else ''}：\n\n"
            "· 本期文件锁定为只读，不能再修改；\n"
            "· 定稿 PDF 存入档案的“已发布”文件夹，期号、总期号和日期记入档案，"
            "以后的新一期据此编号；\n"
            "· 发布后如需修改，只能用 文件 → 更正，再次发布为新的一版。\n\n"
            "是否发布？"
        )
        if judge:
            from .publish_dialog import confirm_and_publish

            if not confirm_and_publish(self.ctl, text, judge, self):
                return None
        elif not self.ask("发布并归档", text):
            return None
        if (ctl.path is None or not ctl.undo_stack.isClean()) and not self.save():
            return None
        path = ctl.path
        return ctl.publish(path) if path is not None else None

    def revise(self) -> bool:
        """更正: reopen the published issue for a correction, as the command line does."""
        ctl = self.ctl
        if ctl.issue.published.get("state") != "published":
            self.error("本期尚未发布，可以直接修改，无需更正")
            return False
        if ctl.path is None:  # a past issue from the archive: it needs its own file
            self.statusBar().showMessage("更正前先把这一期存为文件", 5000)
            if not self.save_as():
                return False
        rev = ctl.issue.published.get("revision", 1)
        if not self.ask(
            "更正",
            f"把已发布的第{rev}版重新打开为更正稿？\n"
            f"修改后再次发布即为第{int(rev) + 1}版，档案保留原来各版；打开前先备份档案。",
        ):
            return False
        return ctl.revise()

    def find_replace(self, replace: bool) -> None:
        """Ctrl+F / Ctrl+H: the one find dialog of the window, kept open beside it."""
        from .find_dialog import FindDialog, revealer

        if getattr(self, "find_dialog", None) is None:
            self.find_dialog = FindDialog(self.ctl, revealer(self.ctl, self.editor), self)
            self.banner.add_fields(self.find_dialog.b_replace, self.find_dialog.b_all)
        self.find_dialog.open_for(replace, self.editor.text.textCursor().selectedText())
