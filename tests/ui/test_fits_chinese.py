"""Fits and speaks Chinese: the window fits a 1366×768 screen at the first start and
after a session on a larger screen was killed; the locale is zh_CN; Qt's own file dialog
shows Chinese labels, sizes, dates and the app's names of file types; 关于 names the
program, its version and the fonts' licences in Chinese; errors are Chinese sentences;
the title bar shows no internal file suffix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLabel, QMessageBox

from .test_chinese import _english

SCREEN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from lianluo_desk.ui.app import make_app, start_window
from lianluo_desk.ui.main_window import MainWindow

lib = Path(sys.argv[1])
app = make_app()
out = {}
def seen(name, w):
    w.show()
    for _ in range(20):
        app.processEvents()
    a, f = w.screen().availableGeometry(), w.frameGeometry()
    out[name] = {"avail": [a.x(), a.y(), a.width(), a.height()],
                 "frame": [f.x(), f.y(), f.width(), f.height()]}
seen("first", start_window(lib))
# a session on a larger screen, killed: its size stays in the settings, nothing closed it
big = MainWindow(lib, None, ask_recover=False)
big.resize(1800, 1050)
big.move(200, 150)
settings = QSettings(str(lib / "ui.ini"), QSettings.Format.IniFormat)
settings.setValue("geometry", big.saveGeometry())
settings.sync()
seen("after", start_window(lib))
print(json.dumps(out))
"""


def test_the_window_fits_a_1366_by_768_screen(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
        )
    )  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    r = subprocess.run(
        [sys.executable, "-c", SCREEN, str(tmp_path / "lib")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    seen = json.loads(r.stdout.strip().splitlines()[-1])
    for when, g in seen.items():
        ax, ay, aw, ah = g["avail"]
        assert (aw, ah) == (1366, 768)
        x, y, w, h = g["frame"]
        assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, (when, g)


def test_locale_is_zh_cn(window):
    assert QLocale().name() == "zh_CN"
    assert QLocale().toString(1234.5, "f", 1) == "1,234.5"


def test_qt_file_dialog_speaks_chinese_with_the_apps_type_names(qtbot, window, tmp_path):
    from ..conftest import DATA

    folder = tmp_path / "drafts"
    folder.mkdir()
    for name in ("2022-no07-training.docx", "2018-no01.txt"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    os.utime(folder / "2018-no01.txt", (1660521600, 1660521600))  # 2022-08-15 00:00 UTC
    seen: dict[str, list[str]] = {}

    def look():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        )
        try:
            read(dialog)
        finally:
            dialog.reject()

    def read(dialog):
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        model = dialog.proxyModel()
        source = dialog.findChild(QFileSystemModel)
        root = model.mapFromSource(source.index(str(folder)))
        deadline = time.monotonic() + 10
        while model.rowCount(root) < 2 and time.monotonic() < deadline:
            qtbot.wait(50)
        qtbot.wait(200)
        for r in range(model.rowCount(root)):
            row = [str(model.data(model.index(r, c, root))) for c in range(4)]
            seen[row[0]] = row
        seen["labels"] = [lb.text() for lb in dialog.findChildren(QLabel)]
        seen["headers"] = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
        dialog.grab().save(str(tmp_path / "dialog.png"))

    from PySide6.QtCore import QTimer

    QTimer.singleShot(300, look)
    QFileDialog.getOpenFileName(
        window, "导入稿件", str(folder), "稿件 (*.docx *.txt)",
        options=QFileDialog.Option.DontUseNativeDialog,
    )  # fmt: skip
    assert not any(_english(t) for t in seen["labels"]), seen["labels"]
    assert not any(_english(t) for t in seen["headers"]), seen["headers"]
    docx = seen["2022-no07-training.docx"]
    assert docx[2] == "Word 文档"
    assert "KiB" not in docx[1] and docx[1].endswith("kB")
    txt = seen["2018-no01.txt"]
    assert txt[2] == "文本文件"
    assert txt[3].startswith("2022-08-15")


def test_about_names_version_and_font_licences_in_chinese(window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append(text))
    window.about()
    text = shown[0]
    assert "版本 0.1.0" in text
    for words in ("仿宋", "黑体", "小标宋", "GPL-3.0 及其字体例外", "SIL 开源字体许可 1.1"):
        assert words in text
    assert "<pre>" not in text and "| file |" not in text and "# Shipped" not in text


def test_a_truncated_issue_file_is_a_chinese_sentence(qtbot, window, tmp_path):
    bad = tmp_path / "坏.lld"
    bad.write_text('{\n "kind": "lianluo-desk/issue",\n', "utf-8")
    window.open_path(bad)
    message = window.statusBar().currentMessage()
    assert "坏.lld" in message and "不是可读的刊物文件" in message
    assert "Expecting" not in message and "line" not in message and "column" not in message
    assert not _english(message), message


def test_damaged_issue_file_details_in_chinese(qtbot, window, tmp_path):
    bad = tmp_path / "缺.lld"
    bad.write_text(json.dumps({"kind": "lianluo-desk/issue", "schema": 2}), "utf-8")
    window.open_path(bad)
    message = window.statusBar().currentMessage()
    assert "刊物文件已损坏" in message and not _english(message), message


def test_the_title_bar_shows_no_internal_suffix(window):
    assert window.path.suffix == ".json"
    title = window.windowTitle()
    assert title.startswith(window.path.stem) and ".json" not in title
