"""Small widget helpers shared by the window and its dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget


def button_row(
    *buttons: tuple[str, Callable[[], object]], align_right: bool = False, default: str = ""
) -> QHBoxLayout:
    """A row of push buttons, each (label, slot); right-aligned for dialog actions.
    ``default``: the button Enter presses in a dialog (else a dialog takes the first)."""
    row = QHBoxLayout()
    if align_right:
        row.addStretch(1)
    for label, slot in buttons:
        b = _button(label, slot)
        b.setDefault(label == default)
        row.addWidget(b)
    return row


def _button(label: str, slot: Callable[[], object]) -> QPushButton:
    b = QPushButton(label)
    b.clicked.connect(lambda _=False: slot())
    return b


def list_with_buttons(listing: QWidget, *buttons: tuple[str, Callable[[], object]]) -> QHBoxLayout:
    """A list with its buttons in a column at its right: under it they took a third of
    a bottom dock's height on a 768-line screen, the list showing two rows and a half."""
    row = QHBoxLayout()
    row.setContentsMargins(4, 2, 4, 2)
    row.addWidget(listing, 1)
    column = QVBoxLayout()
    for label, slot in buttons:
        column.addWidget(_button(label, slot))
    column.addStretch(1)
    row.addLayout(column)
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
