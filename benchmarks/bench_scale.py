"""Cost per page as issues grow: issues of about 25, 50, 100 and 200 pages (the test
articles repeated), each laid out, written as PDF and as DOCX and proofread in a fresh
process (font metrics from the library's cache, as after the first start); time and
peak memory per page. Flat figures mean no quadratic step. Prints, asserts nothing.

Run: .venv/bin/python benchmarks/bench_scale.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHILD = """
import json, resource, sys, time
from pathlib import Path
from lianluo_desk import proof, service
from lianluo_desk.export.docx import render_docx
from lianluo_desk.export.pdf import render_pdf
from lianluo_desk.model.store import load_issue
from lianluo_desk.template import load_template
issue = load_issue(Path(sys.argv[1]))
t = load_template()
fonts = service.fontset(t, Path(sys.argv[2]))
t0 = time.perf_counter()
doc = service.layout(issue, t, fonts)
t1 = time.perf_counter()
pdf = render_pdf(doc)
t2 = time.perf_counter()
render_docx(issue, t, doc)
t3 = time.perf_counter()
proof.check(issue)
t4 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"pages": len(doc.pages), "layout": t1 - t0, "pdf": t2 - t1,
                  "docx": t3 - t2, "proof": t4 - t3, "rss": rss, "size": len(pdf)}))
"""


def main() -> None:
    from bench_export import build_issue

    from lianluo_desk.model.store import load_issue, save_issue

    env = dict(os.environ, LIANLUO_DESK_SYSTEM_FONTS="0")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.json"
        build_issue(base)
        one = load_issue(base)
        print(f"{'pages':>6} {'layout ms/p':>12} {'PDF ms/p':>9} {'DOCX ms/p':>10} "
              f"{'proof ms/p':>11} {'peak MiB':>9} {'PDF KiB/p':>10}")  # fmt: skip
        lib = Path(tmp) / "library"
        subprocess.run([sys.executable, "-c", CHILD, str(base), str(lib)], env=env, check=True,
                       capture_output=True)  # fmt: skip
        for times in (1, 2, 4, 8):
            issue = load_issue(base)
            issue.articles = [a for _ in range(times) for a in one.articles]
            path = Path(tmp) / f"x{times}.json"
            save_issue(issue, path)
            r = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), str(lib)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            f = json.loads(r.stdout)
            n = f["pages"]
            print(
                f"{n:>6} {1000 * f['layout'] / n:>12.1f} {1000 * f['pdf'] / n:>9.1f} "
                f"{1000 * f['docx'] / n:>10.1f} {1000 * f['proof'] / n:>11.2f} {f['rss']:>9.0f} "
                f"{f['size'] / 1024 / n:>10.1f}"
            )


if __name__ == "__main__":
    main()
