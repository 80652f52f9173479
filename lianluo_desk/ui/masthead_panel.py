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
from ..model import edit
from ..model.issue import Issue
from ..model.store import dumps, issue_from_dict
from .controller import DocumentController
from .head_editor import lines_box
from .messages import for_app
from .typing_run import TypingRun


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
        self.f_title = QLineEdit()  # the bulletin's name, printed in red
        self.f_issuer = QLineEdit()
        self.f_note = lines_box(3, "刊首编者按（可空），排在第一篇文章之前")
        self.run = TypingRun(ctl)
        self.run.watch(self.f_title, self.f_issuer, self.f_note)
        self.w_number = QLabel()
        self.w_number.setStyleSheet("color:#c00")
        self.w_number.setWordWrap(True)
        f.addRow("刊名", self.f_title)
        f.addRow("期号 第N期", self.f_number)
        f.addRow("总期号", self.f_cumulative)
        f.addRow("", self.w_number)
        f.addRow("日期", self.f_date)
        f.addRow("类别", self.f_supplement)
        f.addRow("责任编辑", self.f_editors)
        f.addRow("联系方式", self.f_contact)
        f.addRow("批准文号", self.f_approval)
        f.addRow("编印单位", self.f_issuer)
        f.addRow("刊首编者按", self.f_note)
        self.f_title.textEdited.connect(lambda text: self._head_edited("title", text))
        self.f_issuer.textEdited.connect(lambda text: self._head_edited("issuer", text))
        self.f_note.textChanged.connect(self._note_edited)
        for spin in (self.f_number, self.f_cumulative):
            spin.editingFinished.connect(self.edited)
        self.f_date.editingFinished.connect(self.edited)
        self.f_supplement.currentIndexChanged.connect(self.edited)
        for line in (self.f_editors, self.f_contact, self.f_approval):
            line.editingFinished.connect(self.edited)
        ctl.changed.connect(lambda light: None if light else self.fill())

    def fill(self) -> None:
        m, f = self.ctl.issue.masthead, self.ctl.issue.banji
        self._filling = True
        self.f_number.setValue(m.number)
        self.f_cumulative.setValue(m.cumulative)
        self.f_date.setDate(QDate(m.date.year, m.date.month, m.date.day))
        self.f_supplement.setCurrentIndex(1 if m.supplement else 0)
        self.f_editors.setText("，".join(f.editors))
        self.f_contact.setText(f.contact)
        self.f_approval.setText(f.approval)
        for line, text in ((self.f_title, m.title), (self.f_issuer, m.issuer)):
            if line.text() != text:
                line.setText(text)
        if self.f_note.toPlainText() != self.ctl.issue.note:
            self.f_note.setPlainText(self.ctl.issue.note)
        self._filling = False
        warnings: list[str] = []
        if not self.ctl.read_only:
            try:
                from ..app.issues import corrected_id
                from ..archive.numbering import check

                with self.ctl.archive() as archive:
                    own = corrected_id(archive, self.ctl.issue)  # a correction's own record
                    warnings = check(archive, m.date, m.number, m.cumulative, m.supplement, own)
            except UserError as exc:
                warnings = [exc.said]
        self.w_number.setText("\n".join(f"⚠ {for_app(w)}" for w in warnings))

    def _head_edited(self, field: str, text: str) -> None:
        """刊名 and 编印单位: typed in place, a typing run one undo step."""
        if self._filling:
            return
        label = {"title": "修改刊名", "issuer": "修改编印单位"}[field]

        def change(issue: Issue) -> None:
            setattr(issue.masthead, field, text)

        old = getattr(self.ctl.issue.masthead, field)
        self.run.push(label, change, ("masthead", field), old, text)

    def _note_edited(self) -> None:
        if self._filling:
            return
        text = self.f_note.toPlainText()

        def change(issue: Issue) -> None:
            edit.set_head_text(issue, -1, "note", 0, text)

        self.run.push("修改刊首编者按", change, ("issue-note",), self.ctl.issue.note, text)

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
            self.ctl.failed.emit(for_app(exc))
            self.fill()
            return
        if dumps(probe) != before:
            self.ctl.push("修改版头/版记", change)
