"""The band above the pages of a published issue: it says why nothing can be changed and
offers 更正; while it shows, every field that would change the issue is disabled, so
typing is refused where it happens rather than reverted at the next action."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from .controller import DocumentController


def read_only_reason(ctl: DocumentController) -> str:
    """Why the open issue cannot be changed, in the editor's words."""
    published = ctl.issue.published
    if published.get("state") == "published":
        at = str(published.get("at", ""))[:10]
        when = f"于 {at} " if at else ""
        return (
            f"本期已{when}发布（第{published.get('revision', 1)}版），只读。"
            "如需修改，请点“更正”，改好后再次发布为新的一版。"
        )
    return "这是档案中的往期刊物，只读。"


class ReadOnlyBanner(QWidget):
    """Shown while the open issue is read-only; ``fields`` are disabled meanwhile."""

    def __init__(
        self,
        ctl: DocumentController,
        revise: Callable[[], object],
        fields: Sequence[QWidget | QAction] = (),
    ) -> None:
        super().__init__()
        self.ctl = ctl
        self.fields: list[QWidget | QAction] = list(fields)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(
            "#readOnlyBanner{background:#fff4ce;border-bottom:1px solid #d9b100}"
            "QLabel{color:#5c4500}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 10, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.revise_button = QPushButton("更正…")
        self.revise_button.clicked.connect(lambda _=False: revise())
        lay.addWidget(self.revise_button)
        self.hide()
        ctl.replaced.connect(self.update_state)
        ctl.path_changed.connect(self.update_state)
        ctl.changed.connect(lambda light: None if light else self.update_state())

    def add_fields(self, *fields: QWidget | QAction) -> None:
        self.fields += fields
        self.update_state()

    def update_state(self) -> None:
        ro = self.ctl.read_only
        for w in self.fields:
            w.setEnabled(not ro)
        self.revise_button.setVisible(self.ctl.issue.published.get("state") == "published")
        if ro:
            self.label.setText(read_only_reason(self.ctl))
        self.setVisible(ro)
