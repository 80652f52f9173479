"""Word's undo steps for typing: a run of typing is one step, and a run ends at a pause,
a cursor move, a switch between typing and deleting, another field or paragraph, or
any other step on the undo stack (an undo included)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from .controller import Change, DocumentController

PAUSE = 1.0  # seconds without a key that end a run
MOVES = {  # keys that move the cursor: they end a run
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}
ENDS = (QEvent.Type.MouseButtonPress, QEvent.Type.FocusOut)  # a click, leaving the field
# the window's undo and redo; a field must not take them for its own history
WINDOW_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)
EXTRA_REDO = ("Ctrl+Y", "Ctrl+Shift+Z")


def is_window_key(event: QKeyEvent) -> bool:
    """Undo or redo, which the window's one history answers in every field."""
    if any(event.matches(k) for k in WINDOW_KEYS):
        return True
    combo = QKeySequence(event.keyCombination())
    return any(
        combo.matches(QKeySequence(k)) == QKeySequence.SequenceMatch.ExactMatch for k in EXTRA_REDO
    )


class _Watcher(QObject):
    """Ends the run when the cursor is moved by a key or a click, or the field is left;
    leaves undo and redo to the window (a field's own history took them: its undo came
    back as one more edit, and redo was lost)."""

    def __init__(self, run: TypingRun, parent: QObject) -> None:
        super().__init__(parent)
        self.run = run

    def eventFilter(self, _obj: QObject, e: QEvent) -> bool:  # noqa: N802 - Qt API
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if is_window_key(e):
                e.ignore()  # not the field's: the window's shortcut runs
                return True
        if e.type() in ENDS or (
            e.type() == QEvent.Type.KeyPress and isinstance(e, QKeyEvent) and e.key() in MOVES
        ):
            self.run.end()
        return False


class TypingRun:
    """Merge keys for the text edits of one field; equal keys merge into one step."""

    def __init__(self, ctl: DocumentController) -> None:
        self.ctl = ctl
        self._run = 0
        self._where: object = None
        self._kind = ""
        self._at = 0.0
        self._index = -1  # the undo stack's index after this run's last step

    @property
    def stack(self) -> QUndoStack:
        return self.ctl.undo_stack

    def watch(self, *fields: QWidget) -> None:
        """End the run at a cursor move or when one of ``fields`` is left."""
        for f in fields:
            target = f.viewport() if hasattr(f, "viewport") else f  # clicks land there
            f.installEventFilter(_Watcher(self, f))
            if target is not f:
                target.installEventFilter(_Watcher(self, target))

    def end(self) -> None:
        """The cursor moved or the field was left: the next key starts a new step."""
        self._run += 1

    def push(self, label: str, change: Change, where: object, old: str, new: str) -> None:
        """Push a text edit of ``where`` (``old`` → ``new``) as part of the run."""
        kind = "delete" if len(new) < len(old) else "type"
        now = time.monotonic()
        if (
            where != self._where
            or kind != self._kind
            or now - self._at > PAUSE
            or self.stack.index() != self._index
        ):
            self._run += 1
        self._where, self._kind, self._at = where, kind, now
        self.ctl.push(label, change, merge_key=(where, kind, self._run))
        self._index = self.stack.index()
