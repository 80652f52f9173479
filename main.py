"""Start lianluo_desk: the desktop app with (a copy of) the sample issue when a display and
the app are available; otherwise export the sample bulletin to ./out as PDF and DOCX."""

from __future__ import annotations

import sys

from lianluo_desk.cli import has_display, main

if __name__ == "__main__":
    args = sys.argv[1:]
    if args:
        raise SystemExit(main(args))
    if has_display():
        try:
            import lianluo_desk.ui.app  # noqa: F401
        except ImportError:
            pass
        else:
            raise SystemExit(main(["open", "--sample"]))
    print("没有图形界面或桌面程序不可用：导出示例刊物到 out/ (no display: exporting the sample)")
    raise SystemExit(main(["demo", "out"]))
