"""Start the desktop application."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..template import FONTS
from . import locale_zh

if TYPE_CHECKING:
    from .main_window import MainWindow


def make_app(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("联络动态 编辑排版")
    app.setOrganizationName("lianluo-desk")
    _qt_in_chinese(app)
    locale_zh.install(app)
    # the UI speaks Chinese: make sure a CJK face is there even on a bare system
    ids = [QFontDatabase.addApplicationFont(str(FONTS / f)) for f in ("lld-hei.ttf",)]
    families = [f for i in ids if i >= 0 for f in QFontDatabase.applicationFontFamilies(i)]
    if families:
        font = QFont(app.font())
        font.setFamilies([app.font().family(), *families])
        app.setFont(font)
    return app


def _qt_in_chinese(app: QApplication) -> None:
    """Qt's own texts (standard buttons, Qt's file dialog where the desktop has none to
    offer) in Chinese, like the rest of the UI, whatever the system's locale."""
    if app.property("lld_qt_translator") is not None:
        return
    tr = QTranslator(app)
    where = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if tr.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", where):
        app.installTranslator(tr)
        app.setProperty("lld_qt_translator", True)


def start_window(lib: Path, issue: str | None = None, sample: bool = False) -> MainWindow:
    """The window a start opens: the issue asked for (``sample``: a copy of the sample
    issue), else the last one worked on, else the start page."""
    from .main_window import MainWindow, recent_files
    from .start_page import sample_copy, show_start_page

    settings = QSettings(str(lib / "ui.ini"), QSettings.Format.IniFormat)
    if issue is None and sample:
        issue = str(sample_copy(lib))
    if issue is None:
        issue = next((p for p in recent_files(settings) if Path(p).is_file()), None)
    window = MainWindow(lib, issue)
    if issue is None:
        show_start_page(window)
    elif sample:
        window.forget(Path(issue))  # looked at, not worked on: not the next start's issue
    return window


def settle_heap(window: MainWindow) -> None:
    """Once the first layout is shown, what the start made (modules, Qt's wrappers, the
    template, fonts and caches) lives as long as the app: frozen, the cyclic collector
    no longer walks it at every full collection, each of which stopped the window for a
    quarter of a second in a long session. Later garbage is collected as always."""
    import gc

    def freeze() -> None:
        window.layout_ready.disconnect(freeze)
        gc.collect()
        gc.freeze()

    window.layout_ready.connect(freeze)


def run_app(issue: str | None, library: str | None = None, sample: bool = False) -> int:
    from ..service import library_dir

    app = make_app()
    window = start_window(library_dir(library), issue, sample)
    window.show()
    settle_heap(window)
    shot = os.environ.get("LIANLUO_DESK_SCREENSHOT")
    if shot:  # for tests under a virtual screen: save what the screen shows, then quit

        def take() -> None:
            window.grab().save(shot)
            app.quit()

        window.layout_ready.connect(lambda: QTimer.singleShot(500, take))
    return app.exec()
