"""The real window for the UI tests: offscreen, on a copy of the sample issue, errors to
the status line instead of modal boxes."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SHOTS = Path(__file__).parent / "screenshots"  # for a person to look at


def open_window(qtbot, library, issue_path, **kw):
    """A shown main window on ``issue_path`` once its first layout is there."""
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow

    make_app()
    kw.setdefault("ask_recover", False)
    w = MainWindow(library, str(issue_path) if issue_path else None, **kw)
    w.quiet = True
    w.show()
    qtbot.waitUntil(lambda: w.doc is not None, timeout=20000)
    return w


def close_window(w):
    w.undo_stack.setClean()
    w.close()


@pytest.fixture()
def window(qtbot, tmp_path):
    from lianluo_desk.service import SAMPLE_ISSUE

    issue = tmp_path / "issue.json"
    shutil.copy(SAMPLE_ISSUE, issue)
    w = open_window(qtbot, tmp_path / "lib", issue)
    yield w
    close_window(w)
