"""The packaged program (scripts/package.sh): its size, and its start-up until the window
shows the laid-out sample issue, against the same start from the source tree. Prints
figures, asserts nothing.

The app's screenshot hook (LIANLUO_DESK_SCREENSHOT) saves the window 500 ms after the
first layout is shown; the file's time less those 500 ms is taken as "window shown and laid
out". Offscreen, and on X through the xcb plugin when Xvfb is there.

Run: bash scripts/package.sh && .venv/bin/python benchmarks/bench_bundle.py [dist]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOOK_DELAY = 0.5


def _size(path: Path) -> float:
    """MiB on disk, symbolic links (Qt's and Pillow's library names) counted once."""
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 2**20


def startup(cmd: list[str], env: dict[str, str], rounds: int = 5) -> list[float]:
    """Seconds from the start of ``cmd`` to its window shown with the layout done."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        issue = Path(tmp) / "sample.lld"
        shutil.copy(ROOT / "resources" / "sample" / "sample-issue.json", issue)
        for k in range(rounds):
            shot = Path(tmp) / f"shot{k}.png"
            e = dict(env, HOME=str(Path(tmp) / "home"), LIANLUO_DESK_SCREENSHOT=str(shot))
            t0 = time.time()
            subprocess.run([*cmd, str(issue)], env=e, capture_output=True, timeout=120)
            times.append(shot.stat().st_mtime - t0 - HOOK_DELAY)
    return times


def main() -> None:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    bundle = dist / "lianluo-desk"
    print(f"bundle {bundle}: {_size(bundle):.0f} MiB")
    for deb in dist.glob("*.deb"):
        print(f"{deb.name}: {deb.stat().st_size / 2**20:.0f} MiB")
    programs = {
        "bundle": [str(bundle / "lianluo-desk")],
        "source": [str(ROOT / ".venv" / "bin" / "python"), "-m", "lianluo_desk"],
    }
    base = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "LIANLUO_"))}
    screens = {"offscreen": dict(base, QT_QPA_PLATFORM="offscreen")}
    xvfb = None
    if shutil.which("Xvfb"):
        xvfb = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1440x900x24", "-nolisten", "tcp"])
        time.sleep(1.0)
        screens["xcb (Xvfb)"] = dict(base, QT_QPA_PLATFORM="xcb", DISPLAY=":97")
    try:
        for screen, env in screens.items():
            for name, cmd in programs.items():
                t = startup(cmd, env)
                print(
                    f"{screen:11} {name:7} start to window laid out: median "
                    f"{statistics.median(t):.2f} s (min {min(t):.2f}, max {max(t):.2f})"
                )
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()


if __name__ == "__main__":
    main()
