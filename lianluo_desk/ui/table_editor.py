"""The cells of a table block: the grid as the table has it (spans and merges shown),
the chosen cell's text below, one paragraph a line. Typing in one cell is one undo step,
as in the paragraph editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..model.issue import Issue
from ..model.table import Table, placed, set_cell_text
from .controller import DocumentController
from .typing_run import TypingRun

CELL = Qt.ItemDataRole.UserRole  # (row, cell index in the row) of a grid item


def _table(issue: Issue, ai: int, bi: int) -> Table:
    t = issue.articles[ai].blocks[bi].table
    assert t is not None
    return t


class TableEditor(QWidget):
    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self.where = (-1, -1)  # (article, block) shown
        self.cell = (0, 0)  # (row, cell index) chosen
        self._filling = False
        self.run = TypingRun(ctl)  # a typing run in a cell is one undo step
        self.grid = QTableWidget()
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.currentCellChanged.connect(self._chosen)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("选中上方单元格后在此编辑文字，每行一段")
        self.text.textChanged.connect(self._edited)
        self.run.watch(self.text)
        self.label = QLabel()
        # on a 768-line screen the grid needs the height: the cell's name sits beside
        # its text, and the text box is three lines high
        self.text.setMaximumHeight(self.text.fontMetrics().lineSpacing() * 3 + 14)
        cell_row = QHBoxLayout()
        cell_row.addWidget(self.label, 0, Qt.AlignmentFlag.AlignTop)
        cell_row.addWidget(self.text, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.grid, 1)
        lay.addLayout(cell_row)
        ctl.changed.connect(self._changed)

    def show_block(self, ai: int, bi: int) -> None:
        """Show the table of block ``bi`` of article ``ai`` (the same cell stays chosen)."""
        if (ai, bi) != self.where:
            self.cell = (0, 0)
        self.where = (ai, bi)
        self._fill()

    def _fill(self) -> None:
        self._filling = True
        t = _table(self.ctl.issue, *self.where)
        self.grid.clear()
        self.grid.clearSpans()
        self.grid.setRowCount(len(t.rows))
        self.grid.setColumnCount(t.columns)
        self.grid.setVerticalHeaderLabels(
            [("表头" if r.header else str(k + 1)) for k, r in enumerate(t.rows)]
        )
        here = (0, 0)
        for p in placed(t):
            item = QTableWidgetItem(t.rows[p.row].cells[p.index].text)
            item.setData(CELL, (p.row, p.index))
            self.grid.setItem(p.row, p.col, item)
            if p.rowspan > 1 or p.colspan > 1:
                self.grid.setSpan(p.row, p.col, p.rowspan, p.colspan)
            if (p.row, p.index) == self.cell:
                here = (p.row, p.col)
        self.grid.resizeRowsToContents()
        self.grid.setCurrentCell(*here)
        self.text.setEnabled(not self.ctl.read_only)
        self._filling = False
        self._load()

    def _load(self) -> None:
        self._filling = True
        r, i = self.cell
        t = _table(self.ctl.issue, *self.where)
        text = t.rows[r].cells[i].text if r < len(t.rows) and i < len(t.rows[r].cells) else ""
        self.label.setText(f"第{r + 1}行第{i + 1}格：")
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)
        self._filling = False

    def _chosen(self, row: int, col: int, _prow: int, _pcol: int) -> None:
        item = self.grid.item(row, col)
        if self._filling or item is None:
            return
        r, i = item.data(CELL)
        self.cell = (int(r), int(i))
        self._load()

    def _edited(self) -> None:
        if self._filling or self.where[0] < 0:
            return
        (ai, bi), (r, i) = self.where, self.cell
        text = self.text.toPlainText()
        old = _table(self.ctl.issue, ai, bi).rows[r].cells[i].text
        self.run.push(
            "编辑表格",
            lambda issue: set_cell_text(_table(issue, ai, bi), r, i, text),
            ("cell", ai, bi, r, i),
            old,
            text,
        )

    def _changed(self, light: bool) -> None:
        """Typing: only the chosen cell's item changes (undo and the rest refill the
        grid through the paragraph editor, which shows this table again)."""
        if light and self.isVisible():
            item = self.grid.currentItem()
            if item is not None:
                item.setText(self.text.toPlainText())
