"""The 发布 dialog for an issue with 校对 findings only a person can judge: it says what
publishing locks, lists those findings, and publishes once each has been confirmed as
it stands — one by one or all together. The confirmations go into the issue file with
the date, so they are not asked again."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import proof
from ..proof.judgement import confirm
from .controller import DocumentController


def today() -> _dt.date:
    """The date a confirmation is recorded with."""
    return _dt.date.today()


class PublishDialog(QDialog):
    def __init__(
        self,
        summary: str,
        items: list[proof.Finding],
        earlier: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.items = items
        self.setWindowTitle("发布并归档")
        lay = QVBoxLayout(self)
        text = QLabel(summary.removesuffix("是否发布？").strip())  # the buttons ask it
        text.setWordWrap(True)
        lay.addWidget(text)
        ask = QLabel(
            f"校对发现以下 {len(items)} 处需人工判断。请逐条核对原文，确认无误的打勾"
            "（或点“全部确认”）；全部确认后才能发布。确认记入本期文件并注明日期。"
            + (f"此前已确认 {earlier} 处。" if earlier else "")
        )
        ask.setWordWrap(True)
        ask.setStyleSheet("color:#8a5a00")
        lay.addWidget(ask)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["确认无误", "位置", "问题", "原文"])
        for col, width in enumerate((80, 190, 200)):
            self.list.setColumnWidth(col, width)
        self.list.setRootIsDecorated(False)
        for k, f in enumerate(items):
            it = QTreeWidgetItem(["", f.where(), proof.RULES[f.rule][2], f"…{f.context}…"])
            it.setData(0, Qt.ItemDataRole.UserRole, k)
            it.setCheckState(0, Qt.CheckState.Unchecked)
            self.list.addTopLevelItem(it)
        self.list.itemChanged.connect(lambda _it, _col: self._update())
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.b_all = QPushButton("全部确认")
        self.b_all.clicked.connect(lambda _=False: self.confirm_all())
        row.addWidget(self.b_all)
        row.addStretch(1)
        self.b_publish = QPushButton("发布")
        self.b_publish.clicked.connect(lambda _=False: self.accept())
        cancel = QPushButton("取消")
        cancel.clicked.connect(lambda _=False: self.reject())
        row.addWidget(self.b_publish)
        row.addWidget(cancel)
        lay.addLayout(row)
        self.resize(760, 420)
        self._update()

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]
        return [r for r in rows if r is not None]

    def tick(self, row: int, on: bool = True) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self._rows()[row].setCheckState(0, state)

    def confirm_all(self) -> None:
        for r in self._rows():
            r.setCheckState(0, Qt.CheckState.Checked)

    def chosen(self) -> list[proof.Finding]:
        """The findings ticked as confirmed."""
        return [
            self.items[int(r.data(0, Qt.ItemDataRole.UserRole))]
            for r in self._rows()
            if r.checkState(0) == Qt.CheckState.Checked
        ]

    def _update(self) -> None:
        left = len(self.items) - len(self.chosen())
        self.b_publish.setEnabled(left == 0)
        self.b_publish.setText("发布" if left == 0 else f"发布（还有 {left} 处未确认）")


def confirm_and_publish(
    ctl: DocumentController, summary: str, items: list[proof.Finding], parent: QWidget
) -> bool:
    """Ask with the dialog; the confirmations are one undoable step, recorded with the
    date. False: not to be published."""
    dialog = PublishDialog(summary, items, len(ctl.issue.confirmed), parent)
    if not dialog.exec():
        return False
    chosen, date = dialog.chosen(), today()
    ctl.push(f"确认校对项（{len(chosen)} 处）", lambda issue: confirm(issue, chosen, date))
    return True
