"""Warm, like for like, in one process: after a one-paragraph edit, our relayout with the
composer kept (as the app keeps it) plus the PDF with its cache kept, against
`typst.Compiler(...).compile()` of the same issue's source after the same edit; the edit
rounds interleaved. Also both unchanged, and our relayout alone. Prints, asserts nothing.
Needs the `bench` extra (`typst`).

Run: .venv/bin/python benchmarks/bench_warm.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _row(label: str, ours: list[float], theirs: list[float] | None = None) -> None:
    o = statistics.median(ours) * 1000
    line = f"{label:40}{o:>8.1f}  ({min(ours) * 1000:.1f}…{max(ours) * 1000:.1f})"
    if theirs:
        t = statistics.median(theirs) * 1000
        ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
        line += (
            f"{t:>8.1f}  ({min(theirs) * 1000:.1f}…{max(theirs) * 1000:.1f})"
            f"  ratio {statistics.median(ratios):.2f} ({min(ratios):.2f}…{max(ratios):.2f})"
        )
    print(line)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    try:
        import typst
    except ImportError:
        print("typst is not installed: pip install -e '.[bench]'")
        return
    from bench_export import build_issue
    from bench_typst import FONTS, typst_markup

    from lianluo_desk.export.pdf import PdfCache, render_pdf
    from lianluo_desk.layout.engine import Composer
    from lianluo_desk.layout.fonts import FontSet
    from lianluo_desk.model.store import load_issue
    from lianluo_desk.template import load_template

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "issue.json"
        build_issue(path)
        model = load_issue(path)
        t = load_template()
        fonts = FontSet(t, system_fonts=False, cache=Path(tmp) / "cache" / "system-fonts.json")
        composer, pdfs = Composer(t, fonts), PdfCache()
        doc = composer.compose(model)
        render_pdf(doc, pdfs)
        compiler = typst.Compiler(font_paths=[str(FONTS)], ignore_system_fonts=True, root=tmp)
        compiler.compile(input=typst_markup(model).encode("utf-8"))
        block = model.articles[0].blocks[1]
        relayout, ours, theirs, cpu_ours, cpu_theirs = [], [], [], [], []
        for _ in range(args.rounds):
            block.text += "补"  # one paragraph edited, in both
            source = typst_markup(model).encode("utf-8")
            c0, t0 = time.process_time(), time.perf_counter()
            doc = composer.compose(model)
            t1 = time.perf_counter()
            render_pdf(doc, pdfs)
            c2, t2 = time.process_time(), time.perf_counter()
            compiler.compile(input=source)
            c3, t3 = time.process_time(), time.perf_counter()
            relayout.append(t1 - t0)
            ours.append(t2 - t0)
            theirs.append(t3 - t2)
            cpu_ours.append(c2 - c0)
            cpu_theirs.append(c3 - c2)
        same_ours, same_theirs = [], []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            render_pdf(composer.compose(model), pdfs)
            t1 = time.perf_counter()
            compiler.compile(input=source)
            same_ours.append(t1 - t0)
            same_theirs.append(time.perf_counter() - t1)
        print(f"{len(doc.pages)} pages; ms, median (min…max)")
        print(f"{'':40}{'ours':>8}{'':16}{'Typst':>8}")
        _row("after a one-paragraph edit", ours, theirs)
        _row("  the same, CPU time (all threads)", cpu_ours, cpu_theirs)
        _row("unchanged", same_ours, same_theirs)
        _row("  ours: relayout alone after the edit", relayout)
        _row(
            "  ours: PDF alone after the edit", [o - r for o, r in zip(ours, relayout, strict=True)]
        )
        print(f"rounds: {args.rounds}, interleaved")


if __name__ == "__main__":
    main()
