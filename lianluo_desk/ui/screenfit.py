"""The window fits the screen it opens on, at every start: a first start's default size
and a size saved on a larger screen (or left by a session that was killed) are clamped
to the screen's available area (a 1366×768 laptop), and the window is moved onto it."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# before the window is first shown its frame is not known: room for a title bar, borders
FRAME_GUESS = (8, 38)


def fit_to_screen(window: QWidget) -> QRect:
    """Clamp ``window``'s size and place to its screen's available area; returns it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return window.geometry()
    avail = screen.availableGeometry()
    if window.isMaximized() or window.isFullScreen():
        return avail
    geo, frame = window.geometry(), window.frameGeometry()
    extra_w, extra_h = frame.width() - geo.width(), frame.height() - geo.height()
    if not window.isVisible() and (extra_w, extra_h) == (0, 0):
        extra_w, extra_h = FRAME_GUESS
    least = window.minimumSize()
    w = max(least.width(), min(geo.width(), avail.width() - extra_w))
    h = max(least.height(), min(geo.height(), avail.height() - extra_h))
    if (w, h) != (geo.width(), geo.height()):
        window.resize(w, h)
    x = min(max(frame.x(), avail.x()), avail.x() + avail.width() - (w + extra_w))
    y = min(max(frame.y(), avail.y()), avail.y() + avail.height() - (h + extra_h))
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, avail.x()), max(y, avail.y()))
    return avail
