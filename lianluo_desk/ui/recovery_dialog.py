"""The offer of autosaves left by sessions that ended without saving: every one is
listed; one is opened, the ones chosen are discarded, the rest are offered again."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from .autosave import Orphan
from .widgets import button_row


class RecoveryDialog(QDialog):
    def __init__(self, orphans: list[Orphan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复未保存的修改")
        self.orphans = list(orphans)
        self.chosen: Orphan | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel("上次程序意外退出，以下各期有自动保存但未存盘的修改：\n选中一项后恢复或丢弃。")
        )
        self.list = QListWidget()
        lay.addWidget(self.list)
        lay.addLayout(
            button_row(
                ("恢复所选", self.recover_selected),
                ("丢弃所选", self.discard_selected),
                ("以后再说", self.reject),
                align_right=True,
            )
        )
        self._fill()
        self.resize(560, 300)

    def _fill(self) -> None:
        self.list.clear()
        self.list.addItems([o.describe() for o in self.orphans])
        if self.orphans:
            self.list.setCurrentRow(0)

    def recover_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.orphans):
            self.chosen = self.orphans[row]
            self.accept()

    def discard_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.orphans):
            self.orphans.pop(row).file.unlink(missing_ok=True)
            self._fill()
        if not self.orphans:
            self.reject()
