"""Qt's own texts (standard buttons, the file dialog Qt draws where the desktop offers
none, as in the bundle) are Chinese too: the app loads Qt's zh_CN translation."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from lianluo_desk.ui.app import make_app


def test_standard_buttons_speak_chinese(qtbot):
    make_app()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
