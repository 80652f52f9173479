"""Undo commands. Each one only calls model functions (model/edit.py, proof, archive ops)
and restores the issue from a snapshot on undo, so every change the window makes is
undoable the same way (after Orange's canvas commands)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from ..errors import UserError
from ..model.issue import Issue
from ..model.store import issue_from_dict, issue_to_dict
from .messages import for_app


class Holder(Protocol):
    """What a command works on: the document controller."""

    issue: Issue

    def model_changed(self, light: bool = False) -> None: ...


TYPING = 1


def _nothing(_issue: Issue) -> None:
    """The change of a command merged into another: it has nothing left to do."""


class IssueCommand(QUndoCommand):
    """Apply ``change`` to the controller's issue; undo puts the snapshot back."""

    def __init__(
        self,
        window: Holder,
        text: str,
        change: Callable[[Issue], object],
        merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self.window = window
        self.change = change
        self.merge_key = merge_key
        self.before: dict | None = None
        self.after: dict | None = None
        self._applied = False  # apply() ran: the first redo has nothing left to do

    def apply(self) -> str | None:
        """Make the change before the command is pushed; the model's refusal comes back
        as its message, and such a command is never pushed (raising through Qt aborts
        the app later, and an obsolete command QUndoStack drops is never freed)."""
        issue = self.window.issue
        self.before = issue_to_dict(issue)
        try:
            self.change(issue)
        except UserError as exc:
            self._restore(self.before)
            return for_app(exc)
        self.after = issue_to_dict(issue)
        self._applied = True
        return None

    def id(self) -> int:  # noqa: A003 - Qt API
        return TYPING if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, IssueCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        # the stack drops ``other`` now, but the bindings never free a command it merged:
        # what it holds (two snapshots of the whole issue) is let go here
        other.before = other.after = None
        other.change = _nothing
        return True

    def redo(self) -> None:
        first = self._applied
        self._applied = False
        if not first and self.after is not None:
            self._restore(self.after)
        # typing changes one paragraph in place: the views need far less work
        self.window.model_changed(light=first and self.merge_key is not None)

    def undo(self) -> None:
        if self.before is not None:
            self._restore(self.before)
        self.window.model_changed()

    def _restore(self, data: dict) -> None:
        restored = issue_from_dict(data)
        restored.origin = self.window.issue.origin
        self.window.issue = restored
