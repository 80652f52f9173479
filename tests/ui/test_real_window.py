"""The app as a user starts it: a real window on a virtual X screen, and a real kill."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest
from PIL import Image

from lianluo_desk.service import SAMPLE_ISSUE

from ..conftest import ROOT


@pytest.mark.slow
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
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "main.py"],
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


OFFSCREEN = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIANLUO_DESK_SYSTEM_FONTS="0")


def run(script, *args):
    """A Python script as its own process, offscreen, as the app would run."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=OFFSCREEN,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_killed_app_offers_the_edit_back(tmp_path):
    issue = tmp_path / "issue.json"
    shutil.copy(SAMPLE_ISSUE, issue)
    args = [str(tmp_path / "lib"), str(issue)]
    r = run(EDIT_AND_DIE, *args)
    assert r.returncode == -signal.SIGKILL
    assert issue.read_bytes() == SAMPLE_ISSUE.read_bytes()  # nothing saved by the dead one
    r = run(REOPEN, *args)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["1", "被杀前的修改", "False"]


UNTITLED_AND_DIE = textwrap.dedent("""
    import os, signal, sys, time
    from pathlib import Path
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow
    from lianluo_desk.ui.new_issue_dialog import NewIssueDialog
    NewIssueDialog.exec = lambda self: 1  # Ctrl+N's date: today, as proposed
    app = make_app()
    w = MainWindow(Path(sys.argv[1]), None, ask_recover=False)
    w.quiet = True
    w.ask = lambda title, text: False
    w.new_issue()  # Ctrl+N: untitled
    w.import_files([Path(sys.argv[2])])
    w.ctl.select(0, 0)
    w.editor.text.moveCursor(w.editor.text.textCursor().MoveOperation.End)
    w.editor.text.insertPlainText(sys.argv[3])
    w.ctl.autosave_timer.setInterval(200)  # the timer writes it, as after 15 s
    t = time.monotonic()
    while not list(w.ctl.autosaver.folder.glob(w.ctl.autosaver.id + ".json")):
        app.processEvents()
        assert time.monotonic() - t < 30
    if sys.argv[4] == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    print("alive", flush=True)
    sys.stdin.readline()  # a session still running while another one starts
    w.undo_stack.setClean()
""")

OFFERED = textwrap.dedent("""
    import sys
    from pathlib import Path
    from lianluo_desk.ui.app import make_app
    from lianluo_desk.ui.main_window import MainWindow
    from lianluo_desk.ui.recovery_dialog import RecoveryDialog
    listed = []
    def exec_(self):
        listed.extend(self.list.item(i).text() for i in range(self.list.count()))
        texts = [o.issue().articles[0].blocks[0].text for o in self.orphans]
        self.list.setCurrentRow(next(i for i, t in enumerate(texts) if t.endswith("甲会话")))
        self.recover_selected()
        return 1
    RecoveryDialog.exec = exec_
    app = make_app()
    w = MainWindow(Path(sys.argv[1]), None)
    print(len(listed), sum("未命名" in x for x in listed))
    print(w.path, w.issue.articles[0].blocks[0].text[-3:], w.undo_stack.isClean())
    w.undo_stack.setClean()
    w.close()
""")


@pytest.mark.slow
def test_killed_untitled_sessions_are_all_offered(tmp_path):
    """Two untitled sessions killed, one still running: the next start offers both dead
    ones (neither overwrote the other) and not the live one's."""
    from ..conftest import DATA

    lib = str(tmp_path / "lib")
    draft = str(DATA / "2022-no07-training.docx")
    live = subprocess.Popen(
        [sys.executable, "-c", UNTITLED_AND_DIE, lib, draft, "丙会话", "live"],
        cwd=ROOT,
        env=OFFSCREEN,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert live.stdout.readline().strip() == "alive"
        for tag in ("甲会话", "乙会话"):
            r = run(UNTITLED_AND_DIE, lib, draft, tag, "die")
            assert r.returncode == -signal.SIGKILL, r.stderr
        assert len(list((tmp_path / "lib" / "autosave").glob("*.json"))) == 3
        r = run(OFFERED, lib)
        assert r.returncode == 0, r.stderr
        offered, recovered = r.stdout.splitlines()[-2:]
        assert offered.split() == ["2", "2"]  # both dead ones, untitled; not the live one
        assert recovered.split() == ["None", "甲会话", "False"]
        left = list((tmp_path / "lib" / "autosave").glob("*.json"))
        assert len(left) == 2  # 乙 still waits to be offered; 丙 is the live session's
    finally:
        try:
            live.communicate("\n", timeout=60)
        finally:
            live.kill()
