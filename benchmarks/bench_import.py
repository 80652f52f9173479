"""Import benchmark: a 20-page Word draft (built here from the sample texts) read into an
article with structure recognition. Prints figures, asserts nothing.

Run: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_draft(path: Path) -> int:
    import docx

    from lianluo_desk.importers.legacy import parse_past_issue

    d = docx.Document()
    d.add_paragraph("湖南省人大常委会选举任免联络工作委员会工作总结")
    chars = 0
    while chars < 20 * 22 * 28:  # twenty full pages of text
        for name in ("2018-no01", "2021-no02", "2022-no07"):
            text = (ROOT / "tests" / "data" / f"{name}.txt").read_text("utf-8")
            for art in parse_past_issue(text).issue.articles:
                for b in art.blocks:
                    p = d.add_paragraph()
                    if b.runin:
                        p.add_run(b.runin).bold = True
                    p.add_run(b.text)
                    chars += len(b.full_text)
    d.save(path)
    return chars


def main() -> None:
    from lianluo_desk.importers import import_draft

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.docx"
        chars = make_draft(path)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            art = import_draft(path)
            times.append(time.perf_counter() - t0)
        print(f"draft characters              {chars}")
        print(f"paragraphs recognised         {len(art.blocks)}")
        print(f"import time (median of 5)     {statistics.median(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
