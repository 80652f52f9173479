"""Archive benchmark: 1,000 issues (the sample texts repeated under new numbers), then
`search` timings. Prints figures, asserts nothing.

Run: .venv/bin/python benchmarks/bench_archive.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from lianluo_desk.archive.store import Archive
    from lianluo_desk.importers.legacy import parse_past_issue

    texts = [
        (ROOT / "tests" / "data" / f"{n}.txt").read_text("utf-8")
        for n in ("2018-no01", "2021-no02", "2022-no07")
    ]
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp))
        t0 = time.perf_counter()
        with archive.transaction() as db:
            for k in range(1000):
                issue = parse_past_issue(texts[k % 3]).issue
                issue.masthead.date = dt.date(1990 + k // 24, 1 + (k % 24) // 2, 1 + k % 2 * 14)
                issue.masthead.number = k % 24 + 1
                issue.masthead.cumulative = k + 1
                archive.add(issue, source=f"bench-{k}", db=db)
        build = time.perf_counter() - t0
        for query in ("代表建议", "全过程人民民主", "换届", "选举任免联络工作委员会"):
            times = []
            for _ in range(7):
                t0 = time.perf_counter()
                hits = archive.search(query)
                times.append(time.perf_counter() - t0)
            print(
                f"search {query!r:<24} {statistics.median(times) * 1000:6.1f} ms"
                f"  ({len(hits)} hits, limit 50)"
            )
        size = (Path(tmp) / "archive.sqlite3").stat().st_size
        print(f"1,000 issues imported in {build:.1f} s; archive {size / 1e6:.1f} MB")
        archive.close()


if __name__ == "__main__":
    main()
