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

CUSTOM = "（本期自定）"


class DistributionPanel(QWidget):
    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self._filling = False
        self.unticked: list[tuple[int, str]] = []  # (row, group) unticked in this issue
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
        buttons = button_row(
            ("上移", lambda: self.move_group(-1)),
            ("下移", lambda: self.move_group(1)),
            ("保存为预设…", self._ask_preset_name),
        )
        for i in range(buttons.count()):  # the panel fits a narrow dock (1024 px screen)
            item = buttons.itemAt(i)
            b = item.widget() if item is not None else None
            if b is not None:
                b.setMinimumWidth(40)
        apply_preset.setMinimumWidth(40)
        lay.addLayout(buttons)
        ctl.changed.connect(lambda light: None if light else self.fill())
        ctl.path_changed.connect(self._forget_unticked)

    def _forget_unticked(self) -> None:
        self.unticked = []

    def presets(self) -> dict[str, list[str]]:
        """Named recipient lists: the template's, then the library's (which win)."""
        found = {name: list(p.get("groups", [])) for name, p in self.ctl.template.presets.items()}
        try:
            with self.ctl.archive() as archive:
                found.update({name: list(v[1]) for name, v in archive.presets().items()})
        except UserError:
            pass
        return dict(sorted(found.items()))

    def in_force(self, presets: dict[str, list[str]]) -> str:
        """The preset the 版记 follows: its own name, else the one with the same list."""
        footer = self.ctl.issue.banji
        groups = [g.text for g in footer.distribution]
        if footer.preset in presets and presets[footer.preset] == groups:
            return footer.preset
        return next((name for name, g in presets.items() if g == groups), "")

    def fill(self) -> None:
        self._filling = True
        footer = self.ctl.issue.banji
        presets = self.presets()
        current = self.in_force(presets)
        self.preset_box.clear()
        if not current:  # a list of this issue's own: say so rather than name another
            self.preset_box.addItem(CUSTOM)
        self.preset_box.addItems(list(presets))
        self.preset_box.setCurrentText(current or CUSTOM)
        ticked = [g.text for g in footer.distribution]
        # an unticked group stays listed where it was, to be ticked again; one an undo
        # ticked is remembered still, for the redo that unticks it again
        rows: list[tuple[str, bool]] = [(t, True) for t in ticked]
        for row, text in self.unticked:
            if text not in ticked:
                rows.insert(min(row, len(rows)), (text, False))
        self.groups.clear()
        for text, on in rows:
            self.groups.addItem(text)  # items made in Python leak refs on setCheckState
            it = self.groups.item(self.groups.count() - 1)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._filling = False

    def apply_preset(self) -> None:
        name = self.preset_box.currentText()
        if name == CUSTOM:
            return
        ctl = self.ctl
        self.unticked = []

        def change(issue: Issue) -> None:
            from ..archive.ops import set_values

            with ctl.archive() as archive:
                set_values(issue, [f"distribution={name}"], archive, ctl.template)

        self.ctl.push(f"套用分送预设 {name}", change)

    def groups_edited(self, _item: QListWidgetItem | None = None) -> None:
        if self._filling:
            return
        items = self._rows()
        groups = [
            it.text().strip()
            for it in items
            if it.checkState() == Qt.CheckState.Checked and it.text().strip()
        ]
        self.unticked = [
            (row, it.text().strip())
            for row, it in enumerate(items)
            if it.checkState() != Qt.CheckState.Checked and it.text().strip()
        ]

        def change(issue: Issue) -> None:
            issue.banji.distribution = [DistributionGroup(g) for g in groups]
            issue.banji.preset = ""

        self.ctl.push("修改分送范围", change)

    def _rows(self) -> list[QListWidgetItem]:
        return [self.groups.item(i) for i in range(self.groups.count())]

    def move_group(self, step: int) -> None:
        """Move the chosen row (ticked or not) up or down the list."""
        row, dst = self.groups.currentRow(), self.groups.currentRow() + step
        if not (0 <= row < self.groups.count() and 0 <= dst < self.groups.count()):
            return
        self._filling = True
        self.groups.insertItem(dst, self.groups.takeItem(row))
        self._filling = False
        self.groups_edited()
        self.groups.setCurrentRow(dst)

    def _ask_preset_name(self) -> None:
        name, ok = QInputDialog.getText(self, "保存为预设", "预设名称：")
        if ok and name.strip():
            self.save_preset(name.strip())

    def save_preset(self, name: str) -> None:
        with self.ctl.archive() as archive:
            archive.save_preset(name, "", [g.text for g in self.ctl.issue.banji.distribution])
        self.fill()
        self.ctl.message.emit(f"已保存预设“{name}”", 4000)
