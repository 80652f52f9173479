"""The 版头与版记 panel: numbers, date, editors, contact, approval, with the archive's
warnings about gaps and duplicates in the numbering."""

from __future__ import annotations

import datetime as _dt
import json

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ..errors import UserError
from ..model.issue import Issue
from ..model.store import dumps, issue_from_dict
from .controller import DocumentController
from .messages import for_app


class MastheadPanel(QWidget):
    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self._filling = False
        f = QFormLayout(self)
        self.f_number = QSpinBox(maximum=999, minimum=1)
        self.f_cumulative = QSpinBox(maximum=99999, minimum=1)
        self.f_date = QDateEdit()
        self.f_date.setCalendarPopup(True)
        self.f_date.setDisplayFormat("yyyy年M月d日")
        self.f_supplement = QComboBox()
        self.f_supplement.addItems(["正刊", "增刊"])
        self.f_editors = QLineEdit()
        self.f_contact = QLineEdit()
        self.f_approval = QLineEdit()
        self.w_number = QLabel()
        self.w_number.setStyleSheet("color:#c00")
        self.w_number.setWordWrap(True)
        f.addRow("期号 第N期", self.f_number)
        f.addRow("总期号", self.f_cumulative)
        f.addRow("", self.w_number)
        f.addRow("日期", self.f_date)
        f.addRow("类别", self.f_supplement)
        f.addRow("责任编辑", self.f_editors)
        f.addRow("联系方式", self.f_contact)
        f.addRow("批准文号", self.f_approval)
        for spin in (self.f_number, self.f_cumulative):
            spin.editingFinished.connect(self.edited)
        self.f_date.editingFinished.connect(self.edited)
        self.f_supplement.currentIndexChanged.connect(self.edited)
        for line in (self.f_editors, self.f_contact, self.f_approval):
            line.editingFinished.connect(self.edited)
        ctl.changed.connect(lambda light: None if light else self.fill())

    def fill(self) -> None:
        m, f = self.ctl.issue.masthead, self.ctl.issue.footer
        self._filling = True
        self.f_number.setValue(m.number)
        self.f_cumulative.setValue(m.cumulative)
        self.f_date.setDate(QDate(m.date.year, m.date.month, m.date.day))
        self.f_supplement.setCurrentIndex(1 if m.supplement else 0)
        self.f_editors.setText("，".join(f.editors))
        self.f_contact.setText(f.contact)
        self.f_approval.setText(f.approval)
        self._filling = False
        warnings: list[str] = []
        if not self.ctl.read_only:
            try:
                from ..archive.numbering import check

                with self.ctl.archive() as archive:
                    warnings = check(archive, m.date, m.number, m.cumulative, m.supplement)
            except UserError as exc:
                warnings = [str(exc)]
        self.w_number.setText("\n".join(f"⚠ {for_app(w)}" for w in warnings))

    def _numbers_for(self, date: _dt.date) -> tuple[int, int]:
        """The numbers in the form; a new date proposes them again from the archive,
        unless the editor's own numbers (not the proposal for the old date) stand."""
        from ..archive.numbering import propose

        m = self.ctl.issue.masthead
        typed = (self.f_number.value(), self.f_cumulative.value())
        if date == m.date or typed != (m.number, m.cumulative):
            return typed
        supplement = bool(self.f_supplement.currentIndex())
        try:
            with self.ctl.archive() as archive:
                old = propose(archive, m.date, m.supplement)
                new = propose(archive, date, supplement)
        except UserError:
            return typed
        return (new.number, new.cumulative) if typed == (old.number, old.cumulative) else typed

    def edited(self) -> None:
        if self._filling:
            return
        qd = self.f_date.date()
        date = _dt.date(qd.year(), qd.month(), qd.day())
        number, cumulative = self._numbers_for(date)
        pairs = [
            f"number={number}",
            f"cumulative={cumulative}",
            f"date={date.isoformat()}",
            f"supplement={'yes' if self.f_supplement.currentIndex() else 'no'}",
            f"contact={self.f_contact.text().strip()}",
            f"approval={self.f_approval.text().strip()}",
        ]
        if self.f_editors.text().strip():
            pairs.append(f"editors={self.f_editors.text().strip()}")
        before = dumps(self.ctl.issue)
        ctl = self.ctl

        def change(issue: Issue) -> None:
            from ..archive.ops import set_values

            with ctl.archive() as archive:
                set_values(issue, pairs, archive, ctl.template)

        probe = issue_from_dict(json.loads(before))
        try:
            change(probe)
        except UserError as exc:
            self.ctl.failed.emit(str(exc))
            self.fill()
            return
        if dumps(probe) != before:
            self.ctl.push("修改版头/版记", change)
