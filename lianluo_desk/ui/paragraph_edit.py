"""The text box of one paragraph, with a Word user's habits: Enter starts a new paragraph
(the paragraph is split), Delete at the end joins the next one and Backspace at the start
the previous one, Tab moves on to the next field, undo and redo are the window's (one
history for the whole issue), and pasted tab characters become a space or nothing."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..proof import tab_fix
from .typing_run import MOVES, is_window_key


def untab(text: str) -> str:
    """Tabs as the proofing rule would fix them."""
    return re.sub(r"\t+", lambda m: tab_fix(text, m.start(), m.end()), text)


class ParagraphEdit(QPlainTextEdit):
    split_requested = Signal(int)  # Enter at this offset
    merge_next_requested = Signal()  # Delete at the end
    merge_previous_requested = Signal()  # Backspace at the start
    cursor_moved = Signal()  # by a key, a click or leaving the box: a typing run ends

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if is_window_key(e):
                e.ignore()  # not ours: the window's shortcut runs
                return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802 - Qt API
        c = self.textCursor()
        plain = not (e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.split_requested.emit(c.position())
            return
        if plain and not c.hasSelection():
            if e.key() == Qt.Key.Key_Delete and c.atEnd():
                self.merge_next_requested.emit()
                return
            if e.key() == Qt.Key.Key_Backspace and c.atStart():
                self.merge_previous_requested.emit()
                return
        if e.key() == Qt.Key.Key_Tab:  # never a tab character in the text
            self.focusNextChild()
            return
        if e.key() in MOVES:
            self.cursor_moved.emit()
        super().keyPressEvent(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self.cursor_moved.emit()
        super().mousePressEvent(e)

    def focusOutEvent(self, e: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self.cursor_moved.emit()
        super().focusOutEvent(e)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        text = untab(source.text()).replace("\r\n", "\n").replace("\r", "\n")
        self.textCursor().insertText(text)
