"""The 审阅 panel: a reviewer's DOCX read against the open issue; its tracked changes,
comments and untracked edits listed like 校对 findings; a click jumps to the paragraph;
each is accepted or rejected alone or all at once, every decision one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from .. import review as rv
from ..errors import UserError
from ..model.issue import Issue
from .controller import DocumentController
from .messages import for_app
from .widgets import list_with_buttons


class ReviewPanel(QWidget):
    title_changed = Signal(str)

    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self.paras: list[rv.Para] = []
        self.changes: list[rv.Change] = []
        self.accepted: set[int] = set()
        self.rejected: set[int] = set()
        # the decisions as they stood at each undo index, so undo and redo show them right
        self._history: dict[int, tuple[object, set[int], set[int]]] = {}
        self.generation: int | None = None  # the issue the list was made for
        ctl.undo_stack.indexChanged.connect(self._at_index)
        ctl.replaced.connect(self.clear)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["号", "位置", "类型", "审稿人", "内容", "处理"])
        for col, width in enumerate((40, 120, 80, 90, 360)):
            self.list.setColumnWidth(col, width)
        self.list.itemClicked.connect(self.jump_to)
        self.setLayout(
            list_with_buttons(
                self.list,
                ("接受所选", lambda: self.decide(True, all_=False)),
                ("拒绝所选", lambda: self.decide(False, all_=False)),
                ("全部接受", lambda: self.decide(True, all_=True)),
                ("全部拒绝", lambda: self.decide(False, all_=True)),
            )
        )

    def open(self, path: Path) -> int:
        """Read a reviewed DOCX against the issue; returns how many changes it has."""
        from ..export.docx import render_docx

        try:
            self.paras = rv.load(path, self.ctl.issue)
            reference = rv.read(render_docx(self.ctl.issue, self.ctl.template, self.ctl.doc))
        except UserError as exc:
            self.ctl.failed.emit(for_app(exc))
            return 0
        self.changes = rv.compare(self.ctl.issue, self.paras, reference)
        self.generation = self.ctl.generation
        self.accepted, self.rejected = set(), set()
        self._history = {self.ctl.undo_stack.index(): (self._command(), set(), set())}
        self.fill()
        self.ctl.message.emit(f"{path.name}：{len(self.changes)} 处修改与批注", 6000)
        return len(self.changes)

    def clear(self) -> None:
        """Another issue is open: the review of the old one goes with it."""
        self.paras, self.changes = [], []
        self.accepted, self.rejected = set(), set()
        self._history = {}
        self.generation = None
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for c in self.changes:
            state = (
                "已接受"
                if c.number in self.accepted
                else "已拒绝"
                if c.number in self.rejected
                else ""
            )
            text = c.text if not c.advice else f"{c.text}（{for_app(c.advice)}）"
            it = QTreeWidgetItem([str(c.number), c.where, c.kind, c.author, text[:80], state])
            it.setData(0, Qt.ItemDataRole.UserRole, c.number)
            it.setToolTip(4, f"{c.text}\n{c.context}")
            self.list.addTopLevelItem(it)
        open_ = len(self.changes) - len(self.accepted | self.rejected)
        self.title_changed.emit(f"审阅（{open_} 处待处理）" if self.changes else "审阅")

    def _selected(self) -> rv.Change | None:
        item = self.list.currentItem()
        n = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return next((c for c in self.changes if c.number == n), None)

    def jump_to(self, _item: QTreeWidgetItem, _col: int = 0) -> None:
        c = self._selected()
        if c is not None and c.target is not None and c.target[0] >= 0:
            self.ctl.select(c.target[0], max(0, c.target[1]))

    def decide(self, accept: bool, all_: bool) -> None:
        chosen = (
            [c for c in self.changes if c.target is not None]
            if all_
            else [c for c in [self._selected()] if c is not None]
        )
        if not chosen:
            return
        if self.generation != self.ctl.generation:
            self.ctl.message.emit("这份审阅稿属于另一期，不能用于本期；请重新打开审阅稿", 6000)
            return
        numbers = {c.number for c in chosen}
        accepted = (self.accepted | numbers) if accept else (self.accepted - numbers)
        rejected = (self.rejected - numbers) if accept else (self.rejected | numbers)
        paras, changes = self.paras, self.changes

        def change(issue: Issue) -> None:
            rv.apply(issue, paras, changes, accepted, rejected)

        label = ("接受" if accept else "拒绝") + ("全部修订" if all_ else f"修订 {min(numbers)}")
        before = self.ctl.undo_stack.index()
        self.ctl.push(label, change)
        if self.ctl.undo_stack.index() != before:
            self._history[self.ctl.undo_stack.index()] = (self._command(), accepted, rejected)
            self.accepted, self.rejected = accepted, rejected
            self.fill()

    def _command(self, index: int | None = None) -> object:
        """The undo command that brought the stack to ``index`` (None at its bottom)."""
        stack = self.ctl.undo_stack
        k = stack.index() if index is None else index
        return stack.command(k - 1) if k > 0 else None

    def _at_index(self, index: int) -> None:
        # snapshots still on the stack's path: taken after the very command now there
        known = [
            k for k, (cmd, _a, _r) in self._history.items()
            if k <= index and cmd is self._command(k)
        ]  # fmt: skip
        if not self.changes or not known:
            return
        _cmd, accepted, rejected = self._history[max(known)]
        self.accepted, self.rejected = set(accepted), set(rejected)
        self.fill()
