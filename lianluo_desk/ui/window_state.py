"""The open issue's state as the window's callers (panels, dialogs, tests) read it:
each a plain view of the controller's, so the window holds no state of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from ..layout.boxes import Document
from ..model.issue import Block, Issue
from .controller import Change, DocumentController
from .workers import Job


class WindowState(QMainWindow):
    """The controller's state, for the frame's callers."""

    ctl: DocumentController

    @property
    def issue(self) -> Issue:
        return self.ctl.issue

    @property
    def doc(self) -> Document | None:
        return self.ctl.doc

    @property
    def undo_stack(self) -> QUndoStack:
        return self.ctl.undo_stack

    @property
    def layout_ready(self) -> SignalInstance:
        return self.ctl.layout_ready

    @property
    def path(self) -> Path | None:
        return self.ctl.path

    @property
    def read_only(self) -> bool:
        return self.ctl.read_only

    @property
    def library(self) -> Path:
        return self.ctl.library

    def push(self, text: str, change: Change, merge_key: object = None) -> None:
        self.ctl.push(text, change, merge_key)

    def current_block(self) -> Block | None:
        return self.ctl.current_block()

    def import_files(self, files: list[Path]) -> tuple[int, list[str]]:
        return self.ctl.import_files(files)

    def export(self, pdf: Path | None, docx: Path | None) -> Job:
        return self.ctl.export(pdf, docx)

    def autosave(self) -> None:
        self.ctl.autosave()
