"""The 校对 panel: proofreading findings and characters no font covers; a click jumps to
the place, a finding is fixed alone or with every other of its rule, those shown first
and made as the editor keeps them (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from .. import proof
from ..model.issue import Issue
from ..proof.judgement import is_confirmed
from .controller import DocumentController
from .fix_preview import choose_fixes
from .widgets import context_menu, list_with_buttons


class ProofPanel(QWidget):
    title_changed = Signal(str)  # the dock shows the counts in its title

    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self.proof_list = QTreeWidget()
        self.proof_list.setHeaderLabels(["位置", "问题", "原文", "建议"])
        for col, width in enumerate((170, 230, 320)):
            self.proof_list.setColumnWidth(col, width)
        self.proof_list.itemDoubleClicked.connect(self.jump_to)
        self.proof_list.itemClicked.connect(self.jump_to)
        actions = []
        for text, slot in (
            ("转到此处", self._jump_current),
            ("修正所选", self.fix_selected),
            ("修正此类全部", self.fix_rule_of_selected),
        ):
            a = QAction(text, self.proof_list)
            a.triggered.connect(lambda _=False, f=slot: f())
            actions.append(a)
        self.menu_actions = actions
        context_menu(self.proof_list, list(actions))
        self.setLayout(
            list_with_buttons(
                self.proof_list,
                ("修正所选", self.fix_selected),
                ("修正此类全部", self.fix_rule_of_selected),
            )
        )
        self.listed: list[proof.Finding] = []
        self._covered: frozenset[str] | None = None  # characters known to be covered
        # typing refreshes the list after a pause, other changes at once
        self.timer = QTimer(self, singleShot=True, interval=600)
        self.timer.timeout.connect(lambda: self.fill(recheck=True))
        ctl.changed.connect(lambda light: self.timer.start() if light else self.fill())

    def fill(self, recheck: bool = False) -> None:
        findings = self.ctl.refresh_findings() if recheck else self.ctl.findings
        flagged = {f.text[:1] for f in findings if f.rule == "glyph"}  # with their places
        missing = {
            ch: n for ch, n in self._missing(self.ctl.issue.all_text()).items() if ch not in flagged
        }
        self.proof_list.clear()
        self.listed = list(findings)  # only these may be fixed from the list
        issue = self.ctl.issue
        confirmed = [f for f in findings if f.fix is None and is_confirmed(issue, f)]
        for f in findings:
            label = proof.RULES[f.rule][2]
            fix = "（需人工判断）" if f.fix is None else "删去" if f.fix == "" else f"改为“{f.fix}”"
            if any(f is c for c in confirmed):
                fix = "（已确认无误）"
            it = QTreeWidgetItem([f.where(), label, f"…{f.context}…", fix])
            it.setData(0, Qt.ItemDataRole.UserRole, f)
            self.proof_list.addTopLevelItem(it)
        for ch, n in missing.items():
            self.proof_list.addTopLevelItem(
                QTreeWidgetItem([f"{n} 处", "没有字体能显示", ch, f"U+{ord(ch):04X}"])
            )
        errors = sum(1 for f in findings if f.severity == "error") + len(missing) - len(confirmed)
        self.title_changed.emit(
            f"校对（{errors} 个错误，{len(findings) + len(missing) - errors} 个提示）"
        )

    def _missing(self, text: str) -> dict[str, int]:
        """Characters no font covers, with counts; asked of the fonts again only when
        a character comes in that was not there before (typing seldom brings one)."""
        chars = frozenset(text)
        if self._covered is not None and chars <= self._covered:
            return {}
        missing = self.ctl.fonts.missing(text)
        self._covered = None if missing else chars
        return missing

    def selected(self) -> proof.Finding | None:
        item = self.proof_list.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return data if isinstance(data, proof.Finding) else None

    def _jump_current(self) -> None:
        item = self.proof_list.currentItem()
        if item is not None:
            self.jump_to(item)

    def jump_to(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(f, proof.Finding) or f.article < 0:
            return
        block = max(0, f.block)
        cursor = -1
        if f.block >= 0:
            art = self.ctl.issue.articles[f.article]
            b = art.blocks[block] if block < len(art.blocks) else None
            cursor = f.start - len(b.runin) if b is not None and f.start >= len(b.runin) else 0
        self.ctl.select(f.article, block, cursor)

    def fix_selected(self) -> None:
        f = self.selected()
        if f is not None:
            self.fix_finding(f)
        else:
            self.ctl.message.emit("先在列表中选中一个问题", 4000)

    def fix_finding(self, f: proof.Finding) -> None:
        """Fix one finding of the list as it stands (never one made for another issue
        or before the last check)."""
        if not any(f is x for x in self.listed):
            self.ctl.message.emit("该问题已不在本期的校对结果中，请重新选择", 4000)
            return
        if f.fix is None:
            self.ctl.message.emit("所选问题没有自动修正，需人工判断", 4000)
            return
        finding = f

        def change(issue: Issue) -> None:
            proof.fix_one(issue, finding)

        self.ctl.push(f"校对修正：{proof.RULES[f.rule][2]}", change)

    def fix_rule_of_selected(self) -> None:
        f = self.selected()
        if f is None:
            return
        label = f"校对修正全部：{proof.RULES[f.rule][2]}"
        kept = choose_fixes(self, proof.plan(self.ctl.issue, [f.rule]), label)  # shown first
        if kept:
            self.ctl.push(label, lambda issue: proof.apply(issue, kept))
