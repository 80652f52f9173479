"""The 送 panel: the recipient groups of the 版记 as a checklist in order, named presets
from the template and the archive, and saving the list as a preset."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..model.issue import DistributionGroup, Issue
from .controller import DocumentController
from .widgets import button_row


class DistributionPanel(QWidget):
    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self._filling = False
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.preset_box = QComboBox()
        apply_preset = QPushButton("套用预设")
        apply_preset.clicked.connect(self.apply_preset)
        row.addWidget(self.preset_box, 1)
        row.addWidget(apply_preset)
        lay.addLayout(row)
        self.groups = QListWidget()
        self.groups.itemChanged.connect(self.groups_edited)
        lay.addWidget(self.groups)
        lay.addLayout(
            button_row(
                ("上移", lambda: self.move_group(-1)),
                ("下移", lambda: self.move_group(1)),
                ("保存为预设…", self._ask_preset_name),
            )
        )
        ctl.changed.connect(lambda light: None if light else self.fill())

    def fill(self) -> None:
        self._filling = True
        footer = self.ctl.issue.footer
        self.preset_box.clear()
        names = list(self.ctl.template.presets)
        try:
            with self.ctl.archive() as archive:
                names = sorted(set(names) | set(archive.presets()))
        except UserError:
            pass
        self.preset_box.addItems(names)
        if footer.preset in names:
            self.preset_box.setCurrentText(footer.preset)
        self.groups.clear()
        for g in footer.distribution:
            self.groups.addItem(g.text)  # items made in Python leak refs on setCheckState
            it = self.groups.item(self.groups.count() - 1)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            it.setCheckState(Qt.CheckState.Checked)
        self._filling = False

    def apply_preset(self) -> None:
        name = self.preset_box.currentText()
        ctl = self.ctl

        def change(issue: Issue) -> None:
            from ..archive.ops import set_values

            with ctl.archive() as archive:
                set_values(issue, [f"distribution={name}"], archive, ctl.template)

        self.ctl.push(f"套用分送预设 {name}", change)

    def groups_edited(self, _item: QListWidgetItem | None = None) -> None:
        if self._filling:
            return
        items = [self.groups.item(i) for i in range(self.groups.count())]
        groups = [
            it.text().strip()
            for it in items
            if it.checkState() == Qt.CheckState.Checked and it.text().strip()
        ]

        def change(issue: Issue) -> None:
            issue.footer.distribution = [DistributionGroup(g) for g in groups]
            issue.footer.preset = ""

        self.ctl.push("修改分送范围", change)

    def move_group(self, step: int) -> None:
        row = self.groups.currentRow()
        groups = [g.text for g in self.ctl.issue.footer.distribution]
        dst = row + step
        if not (0 <= row < len(groups) and 0 <= dst < len(groups)):
            return
        groups.insert(dst, groups.pop(row))

        def change(issue: Issue) -> None:
            issue.footer.distribution = [DistributionGroup(g) for g in groups]

        self.ctl.push("调整分送顺序", change)
        self.groups.setCurrentRow(dst)

    def _ask_preset_name(self) -> None:
        name, ok = QInputDialog.getText(self, "保存为预设", "预设名称：")
        if ok and name.strip():
            self.save_preset(name.strip())

    def save_preset(self, name: str) -> None:
        with self.ctl.archive() as archive:
            archive.save_preset(name, "", [g.text for g in self.ctl.issue.footer.distribution])
        self.fill()
        self.ctl.message.emit(f"已保存预设“{name}”", 4000)
