"""The main window: outline, article editor, live preview, and the docks an editor needs
(masthead and 版记, distribution, proofing). Simplified Chinese throughout."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import time
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import proof, service
from ..errors import UserError
from ..fsutil import atomic_write_text
from ..model import edit
from ..model.issue import BlockKind, DistributionGroup, Issue
from ..model.store import dumps, issue_from_dict, load_issue, save_issue
from ..template import load_template
from .commands import IssueCommand
from .preview import PreviewView
from .widgets import button_row
from .workers import Job

ROLE_ACTIONS = [  # (role, label, shortcut)
    ("paragraph", "正文", "Ctrl+0"),
    ("heading1", "一级标题", "Ctrl+1"),
    ("heading2", "二级标题", "Ctrl+2"),
    ("heading3", "三级标题", "Ctrl+3"),
    ("heading4", "四级标题", "Ctrl+4"),
    ("runin2", "段首标题", "Ctrl+5"),
    ("byline", "署名", "Ctrl+6"),
]
KIND_LABEL = {
    BlockKind.PARAGRAPH: "正文",
    BlockKind.HEADING: "标题",
    BlockKind.BYLINE: "署名",
    BlockKind.IMAGE: "图片",
}
AUTOSAVE_SECONDS = 15


def role_label(block) -> str:  # type: ignore[no-untyped-def]
    if block.kind is BlockKind.HEADING:
        return ["", "一级标题", "二级标题", "三级标题", "四级标题"][max(1, min(4, block.level))]
    if block.runin:
        return "段首标题+正文"
    return KIND_LABEL[block.kind]


class OutlineTree(QTreeWidget):
    """版头, the articles (drag to reorder), 版记."""

    moved = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        item = self.currentItem()
        src = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        target = self.itemAt(event.position().toPoint())
        dst = target.data(0, Qt.ItemDataRole.UserRole) if target else None
        event.ignore()  # the model moves, then the tree is rebuilt
        if isinstance(src, int) and isinstance(dst, int) and src >= 0 and dst >= 0:
            self.moved.emit(src, dst)


class MainWindow(QMainWindow):
    layout_ready = Signal()

    def __init__(
        self, library: Path, issue_path: str | None = None, ask_recover: bool = True
    ) -> None:
        super().__init__()
        self.library = Path(library)
        self.library.mkdir(parents=True, exist_ok=True)
        self.template = load_template()
        self.fonts = service.fontset(self.template, self.library)
        self.settings = QSettings(str(self.library / "ui.ini"), QSettings.Format.IniFormat)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.pool = QThreadPool.globalInstance()
        self.issue = service.new_issue(self.template, _dt.date.today())
        self.path: Path | None = None
        self.read_only = False
        self.doc = None
        self.findings: list[proof.Finding] = []
        self._article = -1
        self._block = -1
        self._loading = False
        self._layout_job: Job | None = None
        self._layout_again = False
        self._jobs: list[Job] = []
        self._build()
        self.relayout_timer = QTimer(self, singleShot=True, interval=80)
        self.relayout_timer.timeout.connect(self.relayout)
        self.proof_timer = QTimer(self, singleShot=True, interval=600)
        self.proof_timer.timeout.connect(self._refresh_proof)
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_SECONDS * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        if not self.restoreGeometry(self.settings.value("geometry", b"")):
            self.resize(1440, 900)
        if not self.restoreState(self.settings.value("state", b"")):
            self.resizeDocks([self.proof_dock], [170], Qt.Orientation.Vertical)
        if issue_path:
            self.open_path(Path(issue_path), ask_recover=ask_recover)
        else:
            self.model_changed()
        self._update_title()

    # -- building the window ----------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle("联络动态 编辑排版")
        self.resize(1440, 900)
        self.outline = OutlineTree()
        self.outline.currentItemChanged.connect(self._outline_selected)
        self.outline.moved.connect(self.move_article)
        self.blocks = QListWidget()
        self.blocks.currentRowChanged.connect(self._block_selected)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("选中左侧段落后在此编辑文字")
        self.text.textChanged.connect(self._text_edited)
        editor = QWidget()
        lay = QVBoxLayout(editor)
        lay.setContentsMargins(4, 4, 4, 4)
        self.article_label = QLabel()
        self.article_label.setWordWrap(True)
        lay.addWidget(self.article_label)
        lay.addWidget(self.blocks, 3)
        lay.addWidget(QLabel("段落文字："))
        lay.addWidget(self.text, 2)
        self.preview = PreviewView()
        split = QSplitter()
        split.addWidget(self.outline)
        split.addWidget(editor)
        split.addWidget(self.preview)
        split.setSizes([240, 520, 680])
        self.setCentralWidget(split)
        self._build_docks()
        self._build_actions()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.setAcceptDrops(True)

    def _build_docks(self) -> None:
        # masthead and footer
        form = QWidget()
        f = QFormLayout(form)
        self.f_number = QSpinBox(maximum=999, minimum=1)
        self.f_cumulative = QSpinBox(maximum=99999, minimum=1)
        self.f_date = QDateEdit(calendarPopup=True)
        self.f_date.setDisplayFormat("yyyy年M月d日")
        self.f_supplement = QComboBox()
        self.f_supplement.addItems(["正刊", "增刊"])
        self.f_editors = QLineEdit()
        self.f_contact = QLineEdit()
        self.f_approval = QLineEdit()
        self.w_number = QLabel()
        self.w_number.setStyleSheet("color:#c00")
        self.w_number.setWordWrap(True)
        f.addRow("期号 第N期", self.f_number)
        f.addRow("总期号", self.f_cumulative)
        f.addRow("", self.w_number)
        f.addRow("日期", self.f_date)
        f.addRow("类别", self.f_supplement)
        f.addRow("责任编辑", self.f_editors)
        f.addRow("联系方式", self.f_contact)
        f.addRow("批准文号", self.f_approval)
        for w in (self.f_number, self.f_cumulative):
            w.editingFinished.connect(self._masthead_edited)
        self.f_date.editingFinished.connect(self._masthead_edited)
        self.f_supplement.currentIndexChanged.connect(self._masthead_edited)
        for w in (self.f_editors, self.f_contact, self.f_approval):
            w.editingFinished.connect(self._masthead_edited)
        self.masthead_dock = self._dock("版头与版记", form, Qt.DockWidgetArea.RightDockWidgetArea)

        # distribution
        dist = QWidget()
        d = QVBoxLayout(dist)
        row = QHBoxLayout()
        self.preset_box = QComboBox()
        apply_preset = QPushButton("套用预设")
        apply_preset.clicked.connect(self._apply_preset)
        row.addWidget(self.preset_box, 1)
        row.addWidget(apply_preset)
        d.addLayout(row)
        self.groups = QListWidget()
        self.groups.itemChanged.connect(self._groups_edited)
        d.addWidget(self.groups)
        d.addLayout(
            button_row(
                ("上移", lambda: self._move_group(-1)),
                ("下移", lambda: self._move_group(1)),
                ("保存为预设…", self._save_preset),
            )
        )
        self.dist_dock = self._dock("送（分送范围）", dist, Qt.DockWidgetArea.RightDockWidgetArea)

        # proofing
        pr = QWidget()
        p = QVBoxLayout(pr)
        self.proof_list = QTreeWidget()
        self.proof_list.setHeaderLabels(["位置", "问题", "原文", "建议"])
        for col, width in enumerate((170, 230, 320)):
            self.proof_list.setColumnWidth(col, width)
        self.proof_list.itemDoubleClicked.connect(self._jump_to_finding)
        self.proof_list.itemClicked.connect(self._jump_to_finding)
        p.addWidget(self.proof_list)
        p.addLayout(
            button_row(("修正所选", self.fix_selected), ("修正此类全部", self.fix_rule_of_selected))
        )
        self.proof_dock = self._dock("校对", pr, Qt.DockWidgetArea.BottomDockWidgetArea)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, menu=None):  # type: ignore[no-untyped-def]
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        if menu is not None:
            menu.addAction(a)
        return a

    def _build_actions(self) -> None:
        mb = self.menuBar()
        fm = mb.addMenu("文件(&F)")
        self._action("新建一期(&N)", self.new_issue, QKeySequence.StandardKey.New, fm)
        self._action("打开(&O)…", self.open_dialog, QKeySequence.StandardKey.Open, fm)
        self.recent_menu = fm.addMenu("最近文件")
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
        fm.addSeparator()
        self._action("退出(&X)", self.close, QKeySequence.StandardKey.Quit, fm)
        em = mb.addMenu("编辑(&E)")
        undo = self.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        em.addAction(undo)
        em.addAction(redo)
        em.addSeparator()
        tb = self.addToolBar("段落角色")
        tb.setObjectName("roles")
        tb.addAction(undo)
        tb.addAction(redo)
        tb.addSeparator()
        self.role_actions = {}
        for role, label, key in ROLE_ACTIONS:
            a = self._action(label, lambda _=False, r=role: self.set_role(r), key, em)
            tb.addAction(a)
            self.role_actions[role] = a
        em.addSeparator()
        self._action("上移文章", lambda: self._move_current(-1), "Alt+Up", em)
        self._action("下移文章", lambda: self._move_current(1), "Alt+Down", em)
        self._action("删除文章", self.remove_article, None, em)
        am = mb.addMenu("档案(&A)")
        self._action("浏览往期…", self.archive_browser, "Ctrl+Shift+A", am)
        vm = mb.addMenu("视图(&V)")
        for dock in (self.masthead_dock, self.dist_dock, self.proof_dock):
            vm.addAction(dock.toggleViewAction())
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

    # -- the model and its views ------------------------------------------------------

    def push(self, text: str, change, merge_key=None) -> None:  # type: ignore[no-untyped-def]
        if self.read_only:
            self.statusBar().showMessage("本期已发布，只读；如需更正请先修订", 5000)
            return
        try:
            self.undo_stack.push(IssueCommand(self, text, change, merge_key))
        except UserError as exc:
            self.undo_stack.undo() if self.undo_stack.index() else None
            self.error(str(exc))

    def model_changed(self, light: bool = False) -> None:
        """Refresh every view from ``self.issue``; relayout shortly after. ``light`` is for
        typing: only the edited paragraph's row changes, proofing waits for a pause."""
        if light:
            b = self.current_block()
            item = self.blocks.item(self._block)
            if b is not None and item is not None:
                text = b.caption if b.kind is BlockKind.IMAGE else b.full_text
                item.setText(f"【{role_label(b)}】 {text[:80]}")
            self.relayout_timer.start()
            self.proof_timer.start()
            self._update_title()
            return
        self._loading = True
        try:
            self._fill_outline()
            self._fill_blocks()
            self._fill_masthead()
            self._fill_distribution()
            self._refresh_proof()
        finally:
            self._loading = False
        self.relayout_timer.start()
        self._update_title()

    def _fill_outline(self) -> None:
        self.outline.blockSignals(True)
        self.outline.clear()
        head = QTreeWidgetItem(["版头（刊名、期号、日期）"])
        head.setData(0, Qt.ItemDataRole.UserRole, "masthead")
        head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
        self.outline.addTopLevelItem(head)
        if self.issue.note:
            it = QTreeWidgetItem(["编者按"])
            it.setData(0, Qt.ItemDataRole.UserRole, "note")
            self.outline.addTopLevelItem(it)
        for i, art in enumerate(self.issue.articles):
            it = QTreeWidgetItem([f"{i + 1}. {art.title_text or '（无标题）'}"])
            it.setData(0, Qt.ItemDataRole.UserRole, i)
            it.setToolTip(0, art.source)
            self.outline.addTopLevelItem(it)
            if i == self._article:
                self.outline.setCurrentItem(it)
        foot = QTreeWidgetItem(["版记（送、责任编辑、批准文号）"])
        foot.setData(0, Qt.ItemDataRole.UserRole, "footer")
        foot.setFlags(foot.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
        self.outline.addTopLevelItem(foot)
        self.outline.blockSignals(False)

    def _fill_blocks(self) -> None:
        self.blocks.blockSignals(True)
        self.blocks.clear()
        arts = self.issue.articles
        if 0 <= self._article < len(arts):
            art = arts[self._article]
            parts = [f"<b>标题：</b>{' / '.join(art.title) or '（无）'}"]
            if art.subtitle:
                parts.append(f"<b>副标题：</b>{art.subtitle}")
            if art.note:
                parts.append(f"<b>编者按：</b>{art.note[:60]}…")
            self.article_label.setText("<br>".join(parts))
            for b in art.blocks:
                text = b.caption if b.kind is BlockKind.IMAGE else b.full_text
                item = QListWidgetItem(f"【{role_label(b)}】 {text[:80]}")
                self.blocks.addItem(item)
            if 0 <= self._block < len(art.blocks):
                self.blocks.setCurrentRow(self._block)
        else:
            self.article_label.setText("在左侧选择一篇文章；拖入 Word 或文本稿件即可导入。")
        self.blocks.blockSignals(False)
        self._load_block_text()

    def _load_block_text(self) -> None:
        self.text.blockSignals(True)
        b = self.current_block()
        if b is None:
            self.text.setPlainText("")
            self.text.setEnabled(False)
        else:
            self.text.setEnabled(not self.read_only)
            want = b.caption if b.kind is BlockKind.IMAGE else b.text
            if self.text.toPlainText() != want:
                self.text.setPlainText(want)
        self.text.blockSignals(False)

    def current_block(self):  # type: ignore[no-untyped-def]
        arts = self.issue.articles
        if 0 <= self._article < len(arts) and 0 <= self._block < len(arts[self._article].blocks):
            return arts[self._article].blocks[self._block]
        return None

    def _outline_selected(self, item: QTreeWidgetItem | None, _prev=None) -> None:  # type: ignore[no-untyped-def]
        if item is None or self._loading:
            return
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data == "masthead":
            self.masthead_dock.raise_()
            self.preview.verticalScrollBar().setValue(0)
        elif data == "footer":
            self.dist_dock.raise_()
            self.preview.verticalScrollBar().setValue(self.preview.verticalScrollBar().maximum())
        elif isinstance(data, int):
            self._article, self._block = data, 0
            self._fill_blocks()
            self.preview.show_block((data, 0))

    def _block_selected(self, row: int) -> None:
        if self._loading:
            return
        self._block = row
        self._load_block_text()
        self.preview.show_block((self._article, row))

    def _text_edited(self) -> None:
        b = self.current_block()
        if b is None or self._loading:
            return
        ai, bi, text = self._article, self._block, self.text.toPlainText()
        self.push(
            "编辑文字", lambda issue: edit.set_text(issue, ai, bi, text), merge_key=("text", ai, bi)
        )

    def set_role(self, role: str) -> None:
        if self.current_block() is None:
            self.statusBar().showMessage("先选中一个段落", 3000)
            return
        ai, bi = self._article, self._block
        label = dict((r, x) for r, x, _ in ROLE_ACTIONS)[role]
        self.push(f"设为{label}", lambda issue: edit.set_role(issue, ai, bi, role))

    def move_article(self, src: int, dst: int) -> None:
        if src == dst:
            return
        self._article = dst
        self.push("移动文章", lambda issue: edit.move_article(issue, src, dst))

    def _move_current(self, step: int) -> None:
        src = self._article
        dst = src + step
        if 0 <= src < len(self.issue.articles) and 0 <= dst < len(self.issue.articles):
            self.move_article(src, dst)

    def remove_article(self) -> None:
        i = self._article
        if 0 <= i < len(self.issue.articles):
            self._article = -1
            self.push("删除文章", lambda issue: edit.remove_article(issue, i))

    # -- masthead, footer, distribution -------------------------------------------------

    def _archive(self):  # type: ignore[no-untyped-def]
        from ..archive.store import Archive

        return Archive(self.library)

    def _fill_masthead(self) -> None:
        m, f = self.issue.masthead, self.issue.footer
        for w in (self.f_number, self.f_cumulative, self.f_date, self.f_supplement):
            w.blockSignals(True)
        self.f_number.setValue(m.number)
        self.f_cumulative.setValue(m.cumulative)
        self.f_date.setDate(QDate(m.date.year, m.date.month, m.date.day))
        self.f_supplement.setCurrentIndex(1 if m.supplement else 0)
        self.f_editors.setText("，".join(f.editors))
        self.f_contact.setText(f.contact)
        self.f_approval.setText(f.approval)
        for w in (self.f_number, self.f_cumulative, self.f_date, self.f_supplement):
            w.blockSignals(False)
        try:
            from ..archive.numbering import check

            with self._archive() as archive:
                warnings = (
                    []
                    if self.read_only
                    else check(archive, m.date, m.number, m.cumulative, m.supplement)
                )
        except UserError as exc:
            warnings = [str(exc)]
        self.w_number.setText("\n".join(f"⚠ {w}" for w in warnings))

    def _masthead_edited(self) -> None:
        if self._loading:
            return
        qd = self.f_date.date()
        pairs = [
            f"number={self.f_number.value()}",
            f"cumulative={self.f_cumulative.value()}",
            f"date={_dt.date(qd.year(), qd.month(), qd.day()).isoformat()}",
            f"supplement={'yes' if self.f_supplement.currentIndex() else 'no'}",
            f"contact={self.f_contact.text().strip()}",
            f"approval={self.f_approval.text().strip()}",
        ]
        if self.f_editors.text().strip():
            pairs.append(f"editors={self.f_editors.text().strip()}")
        before = dumps(self.issue)

        def change(issue: Issue) -> None:
            from ..archive.ops import set_values

            with self._archive() as archive:
                set_values(issue, pairs, archive, self.template)

        probe = issue_from_dict(json.loads(before))
        try:
            change(probe)
        except UserError as exc:
            self.error(str(exc))
            self._fill_masthead()
            return
        if dumps(probe) != before:
            self.push("修改版头/版记", change)

    def _fill_distribution(self) -> None:
        self.preset_box.blockSignals(True)
        self.preset_box.clear()
        names = list(self.template.presets)
        try:
            with self._archive() as archive:
                names = sorted(set(names) | set(archive.presets()))
        except UserError:
            pass
        self.preset_box.addItems(names)
        if self.issue.footer.preset in names:
            self.preset_box.setCurrentText(self.issue.footer.preset)
        self.preset_box.blockSignals(False)
        self.groups.blockSignals(True)
        self.groups.clear()
        for g in self.issue.footer.distribution:
            it = QListWidgetItem(g.text)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            it.setCheckState(Qt.CheckState.Checked)
            self.groups.addItem(it)
        self.groups.blockSignals(False)

    def _apply_preset(self) -> None:
        name = self.preset_box.currentText()

        def change(issue: Issue) -> None:
            from ..archive.ops import set_values

            with self._archive() as archive:
                set_values(issue, [f"distribution={name}"], archive, self.template)

        self.push(f"套用分送预设 {name}", change)

    def _groups_edited(self, _item=None) -> None:  # type: ignore[no-untyped-def]
        if self._loading:
            return
        groups = [
            self.groups.item(i).text().strip()
            for i in range(self.groups.count())
            if self.groups.item(i).checkState() == Qt.CheckState.Checked
            and self.groups.item(i).text().strip()
        ]

        def change(issue: Issue) -> None:
            issue.footer.distribution = [DistributionGroup(g) for g in groups]
            issue.footer.preset = ""

        self.push("修改分送范围", change)

    def _move_group(self, step: int) -> None:
        row = self.groups.currentRow()
        groups = [g.text for g in self.issue.footer.distribution]
        dst = row + step
        if not (0 <= row < len(groups) and 0 <= dst < len(groups)):
            return
        groups.insert(dst, groups.pop(row))

        def change(issue: Issue) -> None:
            issue.footer.distribution = [DistributionGroup(g) for g in groups]

        self.push("调整分送顺序", change)
        self.groups.setCurrentRow(dst)

    def _save_preset(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, "保存为预设", "预设名称：")
        if ok and name.strip():
            self.save_preset(name.strip())

    def save_preset(self, name: str) -> None:
        with self._archive() as archive:
            archive.save_preset(name, "", [g.text for g in self.issue.footer.distribution])
        self._fill_distribution()
        self.statusBar().showMessage(f"已保存预设“{name}”", 4000)

    # -- proofing ------------------------------------------------------------------------

    def _refresh_proof(self) -> None:
        self.findings = proof.check(self.issue)
        missing = self.fonts.missing(self.issue.all_text())
        self.proof_list.clear()
        for f in self.findings:
            label = proof.RULES[f.rule][2]
            fix = "（需人工判断）" if f.fix is None else "删去" if f.fix == "" else f"改为“{f.fix}”"
            it = QTreeWidgetItem([f.where(), label, f"…{f.context}…", fix])
            it.setData(0, Qt.ItemDataRole.UserRole, f)
            self.proof_list.addTopLevelItem(it)
        for ch, n in missing.items():
            self.proof_list.addTopLevelItem(
                QTreeWidgetItem([f"{n} 处", "没有字体能显示", ch, f"U+{ord(ch):04X}"])
            )
        errors = sum(1 for f in self.findings if f.severity == "error") + len(missing)
        self.proof_dock.setWindowTitle(
            f"校对（{errors} 个错误，{len(self.findings) + len(missing) - errors} 个提示）"
        )

    def _selected_finding(self) -> proof.Finding | None:
        item = self.proof_list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _jump_to_finding(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(f, proof.Finding) or f.article < 0:
            return
        self._article, self._block = f.article, max(0, f.block)
        self._loading = True
        self._fill_outline()
        self._fill_blocks()
        self._loading = False
        if f.block >= 0:
            cursor = self.text.textCursor()
            b = self.current_block()
            offset = f.start - len(b.runin) if b is not None and f.start >= len(b.runin) else 0
            cursor.setPosition(min(offset, len(self.text.toPlainText())))
            self.text.setTextCursor(cursor)
        self.preview.show_block((f.article, max(0, f.block)))

    def fix_selected(self) -> None:
        f = self._selected_finding()
        if f is None or f.fix is None:
            self.statusBar().showMessage("所选问题没有自动修正，需人工判断", 4000)
            return

        def change(issue: Issue) -> None:
            proof.fix_one(issue, f)

        self.push(f"校对修正：{proof.RULES[f.rule][2]}", change)

    def fix_rule_of_selected(self) -> None:
        f = self._selected_finding()
        if f is None:
            return
        rule = f.rule
        self.push(f"校对修正全部：{proof.RULES[rule][2]}", lambda issue: proof.fix(issue, [rule]))

    # -- layout ---------------------------------------------------------------------------

    def relayout(self) -> None:
        """Lay the issue out in the thread pool; typing goes on meanwhile."""
        if self._layout_job is not None:
            self._layout_again = True
            return
        snapshot = issue_from_dict(json.loads(dumps(self.issue)))
        snapshot.origin = self.issue.origin
        from ..layout.engine import Composer

        def work(_report):  # type: ignore[no-untyped-def]
            return Composer(self.template, self.fonts).compose(snapshot)

        job = Job(work)
        job.signals.done.connect(self._layout_done)
        job.signals.failed.connect(self._layout_failed)
        self._layout_job = job
        self._layout_started = time.perf_counter()
        self.pool.start(job)

    def _layout_done(self, doc) -> None:  # type: ignore[no-untyped-def]
        self._layout_job = None
        self.doc = doc
        self.last_layout_ms = (time.perf_counter() - self._layout_started) * 1000
        self.preview.set_document(doc)
        self.statusBar().showMessage(f"共 {len(doc.pages)} 页", 3000)
        if self._layout_again:
            self._layout_again = False
            self.relayout()
        else:
            self.layout_ready.emit()

    def _layout_failed(self, message: str) -> None:
        self._layout_job = None
        self.statusBar().showMessage(f"排版失败：{message}", 8000)
        self.layout_ready.emit()

    # -- files --------------------------------------------------------------------------

    def _autosave_file(self) -> Path:
        key = str(self.path.resolve()) if self.path else "untitled"
        return self.library / "autosave" / (hashlib.sha1(key.encode()).hexdigest()[:16] + ".json")

    def autosave(self) -> None:
        if self.undo_stack.isClean() or self.read_only:
            return
        target = self._autosave_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "path": str(self.path) if self.path else "",
            "saved": time.time(),
            "issue": json.loads(dumps(self.issue)),
        }
        atomic_write_text(target, json.dumps(meta, ensure_ascii=False))

    def _drop_autosave(self) -> None:
        self._autosave_file().unlink(missing_ok=True)

    def recoverable(self) -> dict | None:
        f = self._autosave_file()
        if not f.exists():
            return None
        try:
            return json.loads(f.read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def open_path(self, path: Path, ask_recover: bool = True) -> None:
        try:
            issue = load_issue(path)
        except UserError as exc:
            self.error(str(exc))
            return
        self.issue, self.path = issue, path
        self.read_only = issue.published.get("state") == "published"
        self._article, self._block = (0, 0) if issue.articles else (-1, -1)
        self.undo_stack.clear()
        self._remember(path)
        rec = self.recoverable()
        if rec and ask_recover and not self.read_only:
            when = _dt.datetime.fromtimestamp(rec["saved"]).strftime("%Y-%m-%d %H:%M:%S")
            if self.ask(
                "恢复未保存的修改", f"{path.name} 有 {when} 自动保存的修改未存盘，是否恢复？"
            ):
                recovered = issue_from_dict(rec["issue"])
                self.push("恢复自动保存的修改", lambda i: _replace(i, recovered))
        self.model_changed()

    def ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def error(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        if not getattr(self, "quiet", False):
            QMessageBox.warning(self, "联络动态", text)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        try:
            service.relocate_assets(self.issue, self.path)
            save_issue(self.issue, self.path)
            self.issue.origin = str(self.path)
        except UserError as exc:
            self.error(str(exc))
            return False
        self.undo_stack.setClean()
        self._drop_autosave()
        self.statusBar().showMessage(f"已保存 {self.path}", 3000)
        return True

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(
            self, "另存为", str(self._suggested_name()), "刊物文件 (*.json)"
        )
        if not name:
            return False
        old = self._autosave_file()
        self.path = Path(name)
        old.unlink(missing_ok=True)
        self._remember(self.path)
        return self.save()

    def _suggested_name(self) -> Path:
        m = self.issue.masthead
        stem = self.template.publication["file_stem"].format(year=m.date.year, number=m.number)
        return (self.path.parent if self.path else Path.home()) / f"{stem}.json"

    def maybe_save(self) -> bool:
        if self.undo_stack.isClean():
            return True
        if getattr(self, "quiet", False):  # driven by tests: no modal question
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

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        self._drop_autosave()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        self.settings.sync()
        self.pool.waitForDone(5000)
        event.accept()

    def new_issue(self) -> None:
        if not self.maybe_save():
            return
        from ..archive.ops import new_issue as archive_new

        with self._archive() as archive:
            issue, warnings = archive_new(archive, self.template, _dt.date.today())
        self.issue, self.path, self.read_only = issue, None, False
        self._article = self._block = -1
        self.undo_stack.clear()
        self.model_changed()
        if warnings:
            self.statusBar().showMessage("；".join(warnings), 8000)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(self, "打开", "", "刊物文件 (*.json)")
        if name:
            self.open_path(Path(name))

    def _remember(self, path: Path) -> None:
        recent = [p for p in (self.settings.value("recent", []) or []) if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:8])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.value("recent", []) or []:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _=False, x=p: self.maybe_save() and self.open_path(Path(x)))

    def _update_title(self, *_args) -> None:  # type: ignore[no-untyped-def]
        name = self.path.name if self.path else "未命名"
        star = "" if self.undo_stack.isClean() else " *"
        ro = "（已发布，只读）" if self.read_only else ""
        self.setWindowTitle(f"{name}{star}{ro} — 联络动态 编辑排版")

    # -- drafts in --------------------------------------------------------------------------

    def import_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "导入稿件", "", "稿件 (*.docx *.txt *.md);;所有文件 (*)"
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, files: list[Path]) -> tuple[int, list[str]]:
        from ..importers import import_file
        from ..service import adopt_past_issue

        if self.path is not None:
            assets_ref = f"{self.path.stem}.assets"
            assets = self.path.parent / assets_ref
        else:
            assets_ref = "assets"
            assets = self.library / "unsaved" / assets_ref
            self.issue.origin = str(self.library / "unsaved" / "issue.json")
        added, failed = [], []
        past = None  # a printed issue set again brings its masthead to an empty issue
        for f in files:
            try:
                arts, found = import_file(f, assets, assets_ref)
            except UserError as exc:
                failed.append(str(exc))
                continue
            if found is not None and past is None and not added and not self.issue.articles:
                past = found
            added += arts

        def apply(issue: Issue) -> None:
            issue.articles.extend(_copy(added))
            if past is not None:
                adopt_past_issue(issue, past.issue)

        if added:
            self._article = len(self.issue.articles)
            self._block = 0
            self.push(f"导入 {len(added)} 篇稿件", apply)
        summary = f"导入 {len(added)} 篇，失败 {len(failed)} 篇"
        if past is not None and added:
            summary += "；往期刊物，版头与版记取自该期"
        if failed:
            self.error(summary + "：\n" + "\n".join(failed))
        else:
            self.statusBar().showMessage(summary, 5000)
        return len(added), failed

    def paste_draft(self) -> None:
        from PySide6.QtWidgets import QApplication

        text = QApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("剪贴板里没有文字", 3000)
            return
        tmp = self.library / "unsaved" / "clipboard.txt"
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, "utf-8")
        self.import_files([tmp])

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.import_files(files)
            event.acceptProposedAction()

    # -- export, print, publish -------------------------------------------------------------

    def export_dialog(self, kind: str) -> None:
        ext = {"pdf": "PDF (*.pdf)", "docx": "Word 文档 (*.docx)"}[kind]
        name, _ = QFileDialog.getSaveFileName(
            self, "导出", str(self._suggested_name().with_suffix(f".{kind}")), ext
        )
        if name:
            self.export(
                Path(name) if kind == "pdf" else None, Path(name) if kind == "docx" else None
            )

    def run_job(self, title: str, fn, done) -> Job:  # type: ignore[no-untyped-def]
        job = Job(fn)
        self.progress.setValue(0)
        self.progress.show()
        job.signals.progress.connect(
            lambda pct, msg: (self.progress.setValue(pct), self.statusBar().showMessage(msg))
        )

        def finished(result) -> None:  # type: ignore[no-untyped-def]
            self.progress.hide()
            self._jobs.remove(job)
            done(result)

        def failed(message: str) -> None:
            self.progress.hide()
            self._jobs.remove(job)
            self.error(f"{title}失败：{message}")

        job.signals.done.connect(finished)
        job.signals.failed.connect(failed)
        self._jobs.append(job)
        self.pool.start(job)
        return job

    def export(self, pdf: Path | None, docx: Path | None) -> Job:
        snapshot = issue_from_dict(json.loads(dumps(self.issue)))
        snapshot.origin = self.issue.origin

        def work(report):  # type: ignore[no-untyped-def]
            report(10, "正在排版…")
            sizes = {}
            if pdf:
                sizes.update(service.export(snapshot, pdf, None, self.template, self.fonts))
                report(70, "已写出 PDF")
            if docx:
                sizes.update(service.export(snapshot, None, docx, self.template, self.fonts))
            report(100, "导出完成")
            return sizes

        return self.run_job(
            "导出",
            work,
            lambda sizes: self.statusBar().showMessage(
                "已导出 " + "、".join(str(p) for p in (pdf, docx) if p), 6000
            ),
        )

    def print_to(self, printer) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QPainter

        from ..layout.engine import Composer
        from .qtpainter import QtPagePainter

        doc = self.doc or Composer(self.template, self.fonts).compose(self.issue)
        qp = QPainter(printer)
        painter = QtPagePainter(doc)
        dpi = printer.resolution()
        for i, page in enumerate(doc.pages):
            if i:
                printer.newPage()
            qp.save()
            qp.scale(dpi / 72, dpi / 72)
            painter.paint(qp, page)
            qp.restore()
        qp.end()

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def publish(self) -> Job | None:
        if self.path is None or not self.undo_stack.isClean():
            if not self.save():
                return None
        path = self.path
        assert path is not None
        library, template = self.library, self.template

        def work(report):  # type: ignore[no-untyped-def]
            from ..archive.ops import publish
            from ..archive.store import Archive

            report(20, "正在检查并排版…")
            with Archive(library) as archive:
                final = publish(
                    path, archive, library, template, service.fontset(template, library)
                )
            report(100, "已发布")
            return final

        def done(final) -> None:  # type: ignore[no-untyped-def]
            self.open_path(path, ask_recover=False)
            self.statusBar().showMessage(f"已发布并归档：{final}", 8000)

        return self.run_job("发布", work, done)

    # -- archive, about -----------------------------------------------------------------------

    def archive_browser(self) -> None:
        from .archive_dialog import ArchiveDialog

        ArchiveDialog(self).exec()

    def show_archived(self, issue: Issue) -> None:
        self.issue, self.path, self.read_only = issue, None, True
        self._article, self._block = (0, 0) if issue.articles else (-1, -1)
        self.undo_stack.clear()
        self.model_changed()

    def about(self) -> None:
        from ..template import FONTS

        licences = (FONTS / "LICENSES.md").read_text("utf-8")
        QMessageBox.about(
            self,
            "关于 联络动态 编辑排版",
            "<h3>联络动态 编辑排版</h3><p>按 GB/T 9704 版式编排《联络动态》，"
            "导出 PDF 与 Word。</p><p><b>随附字体及许可</b></p><pre>"
            + licences.replace("<", "&lt;")[:3000]
            + "</pre>"
            "<p><b>标题断行词表</b>：取自 jieba 0.42.1 词典（MIT 许可），"
            "见 resources/lexicon/。</p>",
        )


def _copy(articles):  # type: ignore[no-untyped-def]
    import copy

    return copy.deepcopy(articles)


def _replace(issue: Issue, other: Issue) -> None:
    issue.masthead, issue.note, issue.articles = other.masthead, other.note, other.articles
    issue.footer, issue.template = other.footer, other.template
