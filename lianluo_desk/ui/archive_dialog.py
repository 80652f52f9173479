"""Archive browser: past issues listed and searched, opened read-only, exported again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .controller import DocumentController
from .widgets import button_row


class ArchiveDialog(QDialog):
    """Opens a past issue read-only in the controller; ``export_pdf`` asks where to
    write it again."""

    def __init__(
        self, ctl: DocumentController, parent: QWidget, export_pdf: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.export_pdf = export_pdf
        self.setWindowTitle("往期档案")
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.query = QLineEdit(placeholderText="输入标题或正文中的词语检索，例如：代表建议")
        self.query.returnPressed.connect(self.refresh)
        find = QPushButton("检索")
        find.clicked.connect(self.refresh)
        row.addWidget(self.query, 1)
        row.addWidget(find)
        lay.addLayout(row)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["日期", "期号", "总期号", "标题 / 摘录", "版本"])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(3, 480)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.open_selected)
        lay.addWidget(self.table)
        lay.addLayout(
            button_row(
                ("只读打开", self.open_selected),
                ("重新导出 PDF…", self.export_selected),
                align_right=True,
            )
        )
        self.refresh()

    def refresh(self) -> None:
        with self.ctl.archive() as archive:
            text = self.query.text().strip()
            rows = (
                [(i, i.title) for i in reversed(archive.list())]
                if not text
                else [(i, f"《{t}》 {snip}") for i, t, snip in archive.search(text)]
            )
        self.table.setRowCount(len(rows))
        for r, (i, title) in enumerate(rows):
            kind = "增刊" if i.series == "supplement" else ""
            for c, value in enumerate(
                (
                    i.date.isoformat(),
                    f"{kind}第{i.number}期",
                    f"总第{i.cumulative}期",
                    title,
                    f"第{i.revision}版",
                )
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, i.id)
                self.table.setItem(r, c, item)

    def _selected_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def open_selected(self) -> None:
        issue_id = self._selected_id()
        if issue_id is None:
            return
        with self.ctl.archive() as archive:
            issue = archive.get(issue_id)
        self.ctl.show_archived(issue)
        self.accept()

    def export_selected(self) -> None:
        if self._selected_id() is None:
            return
        self.open_selected()
        self.export_pdf()
