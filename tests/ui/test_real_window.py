"""The app as a user starts it: a real window on a virtual X screen, and a real kill."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap

from PIL import Image

from lianluo_desk.service import SAMPLE_ISSUE

from ..conftest import ROOT


def test_window_on_a_virtual_screen(tmp_path):
    assert shutil.which("xvfb-run"), "Xvfb is needed: apt-get install xvfb (setup.sh does)"
    shot = tmp_path / "xvfb.png"
    env = dict(
        os.environ,
        LIANLUO_DESK_SCREENSHOT=str(shot),
        LIANLUO_DESK_SYSTEM_FONTS="0",
        LIANLUO_DESK_LIBRARY=str(tmp_path / "lib"),
    )
    env.pop("QT_QPA_PLATFORM", None)
    r = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m", "lianluo_desk"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    im = Image.open(shot)
    assert im.width >= 1200 and im.height >= 800
    # the red masthead title is on screen in the preview
    red = sum(
        1
        for px in im.convert("RGB").get_flattened_data()
        if px[0] > 200 and px[1] < 60 and px[2] < 60
    )
    assert red > 500
    assert (tmp_path / "lib" / "示例-联络动态.json").exists()  # the sample was copied


EDIT_AND_DIE = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow
    app = make_app()
    w = MainWindow(Path(sys.argv[1]), sys.argv[2], ask_recover=False)
    w.ctl.select(0, 0)
    w.editor.text.moveCursor(w.editor.text.textCursor().MoveOperation.End)
    w.editor.text.insertPlainText("被杀前的修改")
    w.autosave()
    os.kill(os.getpid(), signal.SIGKILL)
""")

REOPEN = textwrap.dedent("""
    import sys
    from pathlib import Path
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow
    asked = []
    MainWindow.ask = lambda self, title, text: asked.append(text) or True
    app = make_app()
    w = MainWindow(Path(sys.argv[1]), sys.argv[2])
    print(len(asked), w.issue.articles[0].blocks[0].text[-6:], w.undo_stack.isClean())
    w.undo_stack.setClean()
""")


def test_killed_app_offers_the_edit_back(tmp_path):
    issue = tmp_path / "issue.json"
    shutil.copy(SAMPLE_ISSUE, issue)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIANLUO_DESK_SYSTEM_FONTS="0")
    args = [str(tmp_path / "lib"), str(issue)]
    r = subprocess.run(
        [sys.executable, "-c", EDIT_AND_DIE, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == -signal.SIGKILL
    assert issue.read_bytes() == SAMPLE_ISSUE.read_bytes()  # nothing saved by the dead one
    r = subprocess.run(
        [sys.executable, "-c", REOPEN, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["1", "被杀前的修改", "False"]
