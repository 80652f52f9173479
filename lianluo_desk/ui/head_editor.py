"""The head of the current article — title lines, subtitle, 编者按 — as fields to type
in, with undo like the paragraph text, and a menu that puts a part back into the body."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ..model import edit
from ..model.issue import Issue
from .controller import DocumentController
from .typing_run import TypingRun


def lines_box(lines: int, placeholder: str) -> QPlainTextEdit:
    """A few lines of plain text whose undo is the window's."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setUndoRedoEnabled(False)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class HeadEditor(QWidget):
    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self._filling = False
        self.run = TypingRun(ctl)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.f_title = lines_box(3, "标题，每行一行（回车换行）")
        self.f_subtitle = QLineEdit()
        self.f_subtitle.setPlaceholderText("副题（可空）")
        self.f_note = lines_box(2, "编者按（可空）")
        self.run.watch(self.f_title, self.f_subtitle, self.f_note)
        self.back = QPushButton("移回正文")
        self.back.setToolTip("把标题末行、副题或编者按移回正文开头")
        self.back_menu = QMenu(self.back)
        self.back.setMenu(self.back_menu)
        form.addRow("标题", self.f_title)
        form.addRow("副题", self.f_subtitle)
        form.addRow("编者按", self.f_note)
        form.addRow("", self.back)
        self.f_title.textChanged.connect(self._title_edited)
        self.f_subtitle.textEdited.connect(lambda text: self._edited("subtitle", text))
        self.f_note.textChanged.connect(lambda: self._edited("note", self.f_note.toPlainText()))
        ctl.changed.connect(lambda light: None if light else self.fill())
        ctl.selection_changed.connect(lambda _cursor: self.fill())

    def fill(self) -> None:
        art = self.ctl.current_article()
        self._filling = True
        editable = art is not None and not self.ctl.read_only
        for f in (self.f_title, self.f_subtitle, self.f_note, self.back):
            f.setEnabled(editable)
        title = "\n".join(art.title) if art else ""
        if self.f_title.toPlainText() != title:
            self.f_title.setPlainText(title)
        if self.f_subtitle.text() != (art.subtitle if art else ""):
            self.f_subtitle.setText(art.subtitle if art else "")
        if self.f_note.toPlainText() != (art.note if art else ""):
            self.f_note.setPlainText(art.note if art else "")
        self._filling = False
        self.back_menu.clear()
        if art is None:
            return
        parts = [("title", len(art.title) - 1, "标题末行")] if art.title else []
        parts += [
            (p, 0, label)
            for p, label in (("subtitle", "副题"), ("note", "编者按"))
            if getattr(art, p)
        ]
        for part, index, label in parts:
            a = self.back_menu.addAction(f"{label}移回正文")
            a.triggered.connect(lambda _=False, p=part, i=index: self.to_body(p, i))
        self.back.setEnabled(editable and bool(parts))

    def _title_edited(self) -> None:
        if self._filling:
            return
        ai, lines = self.ctl.article, self.f_title.toPlainText().split("\n")
        art = self.ctl.current_article()
        if art is None:
            return
        old = "\n".join(art.title)
        self.run.push(
            "编辑标题",
            lambda issue: edit.set_title(issue, ai, lines),
            ("title", ai),
            old,
            "\n".join(lines),
        )

    def _edited(self, part: str, text: str) -> None:
        art = self.ctl.current_article()
        if self._filling or art is None:
            return
        ai = self.ctl.article
        label = {"subtitle": "编辑副题", "note": "编辑编者按"}[part]

        def change(issue: Issue) -> None:
            edit.set_head_text(issue, ai, part, 0, text)

        self.run.push(label, change, (part, ai), getattr(art, part), text)

    def to_body(self, part: str, index: int) -> None:
        ai = self.ctl.article
        label = {"title": "标题", "subtitle": "副题", "note": "编者按"}[part]
        self.ctl.block = 0
        self.ctl.push(f"{label}移回正文", lambda issue: edit.head_to_block(issue, ai, part, index))
