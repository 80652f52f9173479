"""Small widget helpers shared by the window and its dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton


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
