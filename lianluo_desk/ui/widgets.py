"""Small widget helpers shared by the window and its dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def button_row(
    *buttons: tuple[str, Callable[[], object]], align_right: bool = False
) -> QHBoxLayout:
    """A row of push buttons, each (label, slot); right-aligned for dialog actions."""
    row = QHBoxLayout()
    if align_right:
        row.addStretch(1)
    for label, slot in buttons:
        b = QPushButton(label)
        b.clicked.connect(lambda _=False, f=slot: f())
        row.addWidget(b)
    return row


def context_menu(widget: QWidget, actions: list[QAction | None]) -> None:
    """A right-click menu of ``actions`` on ``widget`` (None: a separator); the actions
    keep their shortcuts and state, as in the window's menus."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for a in actions:
        if a is None:
            a = QAction(widget)
            a.setSeparator(True)
        widget.addAction(a)
