"""Start the desktop application."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..template import FONTS


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


def run_app(issue: str | None, library: str | None = None) -> int:
    import shutil

    from ..service import SAMPLE_ISSUE, library_dir
    from .main_window import MainWindow

    app = make_app()
    lib = library_dir(library)
    if issue is None:  # a copy of the sample issue, so that edits never touch the program
        sample = lib / "示例-联络动态.json"
        if not sample.exists():
            lib.mkdir(parents=True, exist_ok=True)
            shutil.copy(SAMPLE_ISSUE, sample)
        issue = str(sample)
    window = MainWindow(lib, issue)
    window.show()
    shot = os.environ.get("LIANLUO_DESK_SCREENSHOT")
    if shot:  # for tests under a virtual screen: save what the screen shows, then quit

        def take() -> None:
            window.grab().save(shot)
            app.quit()

        window.layout_ready.connect(lambda: QTimer.singleShot(500, take))
    return app.exec()
