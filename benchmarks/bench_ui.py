"""Desktop app benchmarks (offscreen): start-up until the window shows the laid-out
sample, and the time from an edit to the refreshed preview of a 26-page issue.
Prints figures, asserts nothing.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIANLUO_DESK_SYSTEM_FONTS", "0")

STARTUP = """
import time, sys
t0 = float(sys.argv[1])
from pathlib import Path
from PySide6.QtCore import QTimer
from lianluo_desk.ui.app import make_app
from lianluo_desk.ui.main_window import MainWindow
app = make_app()
w = MainWindow(Path(sys.argv[2]), sys.argv[3], ask_recover=False)
w.show()
shown = time.time() - t0
def done():
    print(f"{shown:.3f} {time.time() - t0:.3f}")
    w.undo_stack.setClean(); app.quit()
w.layout_ready.connect(done)
app.exec()
"""


def main() -> None:
    from bench_export import build_issue
    from PySide6.QtCore import QEventLoop, QTimer

    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        issue = Path(tmp) / "issue.json"
        build_issue(issue)
        shown, ready = [], []
        for _ in range(3):
            r = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    STARTUP,
                    str(time.time()),
                    str(Path(tmp) / "lib"),
                    str(issue),
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            a, b = map(float, r.stdout.split())
            shown.append(a)
            ready.append(b)
        app = make_app()
        w = MainWindow(Path(tmp) / "lib", str(issue), ask_recover=False)
        loop = QEventLoop()
        w.layout_ready.connect(loop.quit)
        QTimer.singleShot(30000, loop.quit)
        loop.exec()
        pages = len(w.doc.pages)
        w.ctl.select(0, 1)
        times = []
        for k in range(5):
            t0 = time.perf_counter()
            w.editor.text.insertPlainText("改")
            loop = QEventLoop()
            w.layout_ready.connect(loop.quit)
            loop.exec()
            w.layout_ready.disconnect(loop.quit)
            times.append(time.perf_counter() - t0)
            del k
        w.undo_stack.setClean()
        print(f"window shown after start (median of 3)      {statistics.median(shown):.2f} s")
        print(f"first preview of {pages} pages ready (median)   {statistics.median(ready):.2f} s")
        print(
            f"edit → preview refreshed (median of 5)      "
            f"{statistics.median(times) * 1000:.0f} ms (80 ms debounce included)"
        )
        app.quit()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
