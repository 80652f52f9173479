"""Ctrl+N asks for the new issue's date and proposes its number and cumulative number
from the archive for that date, as 'new --date' does. Changing the date proposes again;
numbers the editor typed are kept, with the archive's warning about a gap or duplicate."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..archive.numbering import check, propose
from ..errors import UserError
from .controller import DocumentController
from .messages import for_app
from .widgets import button_row


def _date(q: QDate) -> _dt.date:
    return _dt.date(q.year(), q.month(), q.day())


class NewIssueDialog(QDialog):
    def __init__(
        self, ctl: DocumentController, parent: QWidget | None = None, today: _dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.setWindowTitle("新建一期")
        day = today or _dt.date.today()
        self.f_date = QDateEdit(QDate(day.year, day.month, day.day))
        self.f_date.setCalendarPopup(True)
        self.f_date.setDisplayFormat("yyyy年M月d日")
        self.f_supplement = QCheckBox("增刊")
        self.f_number = QSpinBox(minimum=1, maximum=999)
        self.f_cumulative = QSpinBox(minimum=1, maximum=99999)
        self.w_numbers = QLabel()
        self.w_numbers.setWordWrap(True)
        self.w_numbers.setStyleSheet("color:#c00")
        form = QFormLayout()
        form.addRow("日期", self.f_date)
        form.addRow("", self.f_supplement)
        form.addRow("期号 第N期", self.f_number)
        form.addRow("总期号", self.f_cumulative)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("期号和总期号按档案中已有各期推算；改动日期会重新推算。"))
        lay.addLayout(form)
        lay.addWidget(self.w_numbers)
        lay.addLayout(button_row(("新建", self.accept), ("取消", self.reject), align_right=True))
        self.proposed: tuple[int, int] = (0, 0)
        self.propose()
        self.f_date.dateChanged.connect(lambda _d: self.propose())
        self.f_supplement.toggled.connect(lambda _on: self.propose())
        self.f_number.valueChanged.connect(lambda _v: self.warn())
        self.f_cumulative.valueChanged.connect(lambda _v: self.warn())

    @property
    def date(self) -> _dt.date:
        return _date(self.f_date.date())

    @property
    def numbers(self) -> tuple[int, int]:
        return self.f_number.value(), self.f_cumulative.value()

    def propose(self) -> None:
        """Numbers for the date from the archive, unless the editor chose their own."""
        try:
            with self.ctl.archive() as archive:
                p = propose(archive, self.date, self.f_supplement.isChecked())
        except UserError as exc:
            self.w_numbers.setText(f"⚠ {for_app(exc)}")
            return
        if self.proposed == (0, 0) or self.numbers == self.proposed:
            self.f_number.setValue(p.number)
            self.f_cumulative.setValue(p.cumulative)
        self.proposed = (p.number, p.cumulative)
        self.warn()

    def warn(self) -> list[str]:
        """The archive's warnings for the numbers as they stand (gap, duplicate, order)."""
        try:
            with self.ctl.archive() as archive:
                found = check(archive, self.date, *self.numbers, self.f_supplement.isChecked())
        except UserError as exc:
            found = [exc.said]
        mine = self.numbers != self.proposed
        note = [f"档案推算为第{self.proposed[0]}期、总第{self.proposed[1]}期"] if mine else []
        self.w_numbers.setText("\n".join(f"⚠ {for_app(w)}" for w in found + note))
        return found
