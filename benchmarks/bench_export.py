"""Export benchmarks: prints figures, asserts nothing.

- cold whole-process `lianluo-desk export` of a ~25-page issue: wall time, peak RSS
- in-process relayout of the same issue after a one-paragraph edit, with the composer
  kept between layouts (as the app does) and with a fresh one
- PDF size

Run: .venv/bin/python benchmarks/bench_export.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data"


def build_issue(path: Path) -> None:
    from lianluo_desk.importers import import_draft
    from lianluo_desk.importers.legacy import parse_past_issue
    from lianluo_desk.model.store import save_issue
    from lianluo_desk.service import new_issue
    from lianluo_desk.template import load_template

    t = load_template()
    issue = new_issue(t, dt.date(2022, 8, 15), 16, 667)
    for d in ("2018-no01-annual-summary.docx", "2022-no07-training.docx"):
        issue.articles.append(import_draft(DATA / d))
    for name in ("2021-no02", "2022-no07"):
        issue.articles += parse_past_issue((DATA / f"{name}.txt").read_text("utf-8")).issue.articles
    save_issue(issue, path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LIANLUO_DESK_SYSTEM_FONTS="0", LIANLUO_DESK_LIBRARY=tmp)
        issue = Path(tmp) / "issue.json"
        build_issue(issue)
        pdf = Path(tmp) / "out.pdf"
        walls = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "lianluo_desk", "export", str(issue), "--pdf", str(pdf)],
                check=True,
                env=env,
                capture_output=True,
            )
            walls.append(time.perf_counter() - t0)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        from lianluo_desk.layout.engine import Composer
        from lianluo_desk.layout.fonts import FontSet
        from lianluo_desk.model.store import load_issue
        from lianluo_desk.template import load_template

        t = load_template()
        fonts = FontSet(t, system_fonts=False)
        model = load_issue(issue)
        kept = Composer(t, fonts)  # as the app keeps it
        kept.compose(model)
        relayouts, fresh = [], []
        for _ in range(args.runs):
            model.articles[0].blocks[1].text += "补"
            t0 = time.perf_counter()
            doc = kept.compose(model)
            relayouts.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            Composer(t, fonts).compose(model)
            fresh.append(time.perf_counter() - t0)
        from lianluo_desk.export.docx import render_docx

        render_docx(model, t, doc)
        docx_times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            render_docx(model, t, doc)
            docx_times.append(time.perf_counter() - t0)
        print(f"pages                         {len(doc.pages)}")
        print(
            f"DOCX export in-process        {statistics.median(docx_times) * 1000:.0f} ms"
            " (from the layout)"
        )
        print(
            f"cold export wall (median)     {statistics.median(walls):.3f} s (min {min(walls):.3f})"
        )
        print(f"cold export peak RSS          {peak:.0f} MiB")
        print(
            f"relayout after one edit       {statistics.median(relayouts) * 1000:.0f} ms"
            f" (kept composer; a fresh one: {statistics.median(fresh) * 1000:.0f} ms)"
        )
        print(f"PDF size                      {pdf.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
