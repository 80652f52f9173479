"""The start page: what a start with no issue to open shows instead of an empty issue
(and, on the very first start, instead of the sample with its numbering warnings) —
新建一期, 打开, 导入往期, and the sample on request. It covers the window below the
menu bar until an issue is opened or made, or drafts are added."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

SAMPLE_NAME = "示例-联络动态.json"


def sample_copy(library: Path) -> Path:
    """A copy of the sample issue in the library, so that edits never touch the program."""
    from ..service import SAMPLE_ISSUE

    sample = library / SAMPLE_NAME
    if not sample.exists():
        library.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_ISSUE, sample)
    return sample


class StartPage(QFrame):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("startPage")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#startPage { background: #f4f5f7; }"
            "QPushButton#choice { font-size: 15pt; padding: 12px 28px; min-width: 260px; }"
        )
        box = QVBoxLayout(self)
        box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.setSpacing(14)
        title = QLabel("联络动态 编辑排版")
        title.setStyleSheet("font-size: 22pt; font-weight: bold; color: #b00;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(title)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self.buttons: dict[str, QPushButton] = {}
        for text, slot in (
            ("新建一期…", window.new_issue),
            ("打开刊物文件…", window.open_dialog),
            ("导入往期…", window.import_past_dialog),
        ):
            b = QPushButton(text)
            b.setObjectName("choice")
            b.clicked.connect(lambda _=False, s=slot: s())
            box.addWidget(b, alignment=Qt.AlignmentFlag.AlignCenter)
            self.buttons[text.rstrip("…")] = b
        sample = QPushButton("看看示例刊物")
        sample.setFlat(True)
        sample.setStyleSheet("color: #1a5fb4; text-decoration: underline;")
        sample.clicked.connect(lambda _=False: self.open_sample())
        box.addWidget(sample, alignment=Qt.AlignmentFlag.AlignCenter)
        self.buttons["示例"] = sample
        ctl = window.ctl
        # bound methods, not lambdas: Qt drops them with the page, which a lambda would
        # outlive and then call on a deleted page at the next change of the issue
        ctl.path_changed.connect(self._done)
        ctl.changed.connect(self._changed)
        # a dock raised on its own (a menu opening gives the window focus, and the docks are
        # raised with it) would show the placeholder issue's fields over the page
        self.docks = window.findChildren(QDockWidget)
        for watched in (window, *self.docks):
            watched.installEventFilter(self)
        self._hint()
        self._place()
        self.show()
        self.raise_()

    def _hint(self) -> None:
        empty = self.window_.ctl.archive_empty()
        self.hint.setText(
            "档案里还没有往期刊物。先导入往期（PDF 或文本），新一期的期号和总期号就能接着编；"
            "也可以直接新建一期，或打开已有的刊物文件。"
            if empty
            else "新建一期，或打开已有的刊物文件。"
        )

    def _changed(self, _light: bool) -> None:
        self._hint()
        if self.window_.ctl.issue.articles:
            self._done()

    def open_sample(self) -> None:
        w = self.window_
        w.open_path(sample_copy(w.ctl.library))
        if w.ctl.path is not None:
            w.forget(w.ctl.path)  # looked at, not worked on: not the next start's issue

    def _done(self) -> None:
        ctl = self.window_.ctl
        ctl.path_changed.disconnect(self._done)
        ctl.changed.disconnect(self._changed)
        for watched in (self.window_, *self.docks):
            watched.removeEventFilter(self)
        self.hide()
        self.deleteLater()

    def _place(self) -> None:
        w = self.window_
        top = w.menuBar().geometry().bottom() + 1 if w.menuBar().isVisible() else 0
        self.setGeometry(0, top, w.width(), w.height() - top)
        self.raise_()  # over the docks, which the window's layout raises as it arranges

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.LayoutRequest,
            QEvent.Type.ChildAdded,
            QEvent.Type.ZOrderChange,
        ):
            self._place()
        return False


def show_start_page(window: MainWindow) -> QWidget:
    return StartPage(window)
