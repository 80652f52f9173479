"""A bottom dock grows while the editor works in it: on a 768-line screen the 校对 and
审阅 lists share a dock a fifth of the window high, a few rows; once one of them has
the keyboard (clicked, gone through with the arrow keys) the dock takes most of the
window's height, and once the text, outline or pages have it back, the dock returns to
the height it had, so the text is not squeezed while it is written. A click grows the
dock only once the button is released: grown between press and release, the button or
row pressed left the pointer and the click was lost."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QMainWindow,
    QTreeView,
    QWidget,
)

SHARE = 0.55  # of the window's height, for a dock in use
_VISIBLE = QAbstractItemView.ScrollHint.EnsureVisible
ROOMY_PX = 300  # a dock this high already shows its list well: it is left alone


class DockFocus(QObject):
    def __init__(self, window: QMainWindow, docks: list[QDockWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.docks = docks
        self.rest: int | None = None  # the height before it grew
        self._due: QDockWidget | None = None  # to grow once the mouse button is up
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        app.focusChanged.connect(self._moved)

    def _dock_of(self, w: QWidget | None) -> QDockWidget | None:
        while w is not None:
            if isinstance(w, QDockWidget) and w in self.docks:
                return w
            w = w.parentWidget()
        return None

    def _in_panes(self, w: QWidget) -> bool:
        """In the outline, the text or the pages (not a panel of the right)."""
        central: QWidget | None = self.window.centralWidget()
        return bool(central and central.isAncestorOf(w))

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self.window:
            return  # a dialog or another window: the docks stay as they are
        dock = self._dock_of(new)
        if dock is not None and not dock.isFloating():
            if self.app.mouseButtons() != Qt.MouseButton.NoButton:
                if self._due is None:
                    self.app.installEventFilter(self)
                self._due = dock
            else:
                self._grow(dock)
        elif dock is None and self._in_panes(new):
            self.give_back()

    def give_back(self) -> None:
        """The dock back at the height it had before it grew (also before the window's
        state is saved: the next start shows it at rest)."""
        self._due = None
        if self.rest is None:
            return
        shown = [d for d in self.docks if d.isVisible() and not d.isFloating()]
        if shown:
            self.window.resizeDocks(shown[:1], [self.rest], Qt.Orientation.Vertical)
        self.rest = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.MouseButtonRelease and self._due is not None:
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self._grow_due)  # after the release has clicked
        return False

    def _grow_due(self) -> None:
        dock, self._due = self._due, None
        if dock is not None:
            self._grow(dock)

    def _grow(self, dock: QDockWidget) -> None:
        target = int(self.window.height() * SHARE)
        if self.rest is not None or dock.height() >= min(target, ROOMY_PX):
            return
        self.rest = dock.height()
        self.window.resizeDocks([dock], [target], Qt.Orientation.Vertical)
        for view in dock.findChildren(QTreeView):  # the chosen row stays in sight
            current = view.currentIndex()
            if current.isValid():
                QTimer.singleShot(0, lambda v=view, c=current: v.scrollTo(c, _VISIBLE))
