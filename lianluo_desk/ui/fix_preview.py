"""修正预览: every change a "fix all" would make, shown before it is made (place, before →
after, the text around it), each with a checkbox; only the changes the editor keeps are
applied. The spec wants every fix seen before it is applied."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from .. import proof
from .widgets import button_row


def _shown(text: str) -> str:
    return "（删去）" if text == "" else "（空格）" if text.isspace() else text


class FixPreview(QDialog):
    def __init__(self, parent: QWidget | None, changes: list[proof.Finding], title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 460)
        self.changes = changes
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"将修改 {len(changes)} 处，取消勾选的不修改："))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["位置", "原文", "改为", "上下文"])
        for col, width in enumerate((190, 90, 90)):
            self.tree.setColumnWidth(col, width)
        for f in changes:
            it = QTreeWidgetItem([f.where(), _shown(f.before), _shown(f.after), f"…{f.context}…"])
            it.setCheckState(0, Qt.CheckState.Checked)
            self.tree.addTopLevelItem(it)
        lay.addWidget(self.tree)
        lay.addLayout(
            button_row(
                ("全选", lambda: self.check_all(True)),
                ("全不选", lambda: self.check_all(False)),
                ("应用所选", self.accept),
                ("取消", self.reject),
                align_right=True,
                default="应用所选",
            )
        )

    def item(self, k: int) -> QTreeWidgetItem:
        it = self.tree.topLevelItem(k)
        assert it is not None
        return it

    def check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for k in range(self.tree.topLevelItemCount()):
            self.item(k).setCheckState(0, state)

    def kept(self) -> list[proof.Finding]:
        return [
            f
            for k, f in enumerate(self.changes)
            if self.item(k).checkState(0) == Qt.CheckState.Checked
        ]


def choose_fixes(
    parent: QWidget | None, changes: list[proof.Finding], title: str
) -> list[proof.Finding]:
    """The changes the editor keeps ([] when cancelled)."""
    if not changes:
        return []
    dlg = FixPreview(parent, changes, title)
    return dlg.kept() if dlg.exec() == QDialog.DialogCode.Accepted else []
