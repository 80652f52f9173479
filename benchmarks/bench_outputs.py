"""Each output of the 26-page benchmark issue, one whole `export` process each: PDF,
PDF/A-2b, OFD and DOCX, beside Typst's PDF and PDF/A-2b of the same articles (its own
process, `typst.compile`). All commands run in turn, round after round; medians and
min … max of wall and CPU time, and the sizes. Prints, asserts nothing. Needs the
`bench` extra for Typst.

Run: .venv/bin/python benchmarks/bench_outputs.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    from bench_typst import FONTS, benchmark_issue, compile_ours, timed

    compile_ours()
    with tempfile.TemporaryDirectory() as tmp:
        env, issue, typ = benchmark_issue(Path(tmp))
        ours = [sys.executable, "-m", "lianluo_desk", "export", str(issue)]
        kinds = (("pdf", "PDF", "pdf"), ("pdfa", "PDF/A-2b", "pdf"), ("ofd", "OFD", "ofd"),
                 ("docx", "DOCX", "docx"))  # fmt: skip
        out = {f"ours {label}": Path(tmp) / f"out-{k}.{ext}" for k, label, ext in kinds}
        commands = {
            f"ours {label}": [*ours, f"--{k}", str(Path(tmp) / f"out-{k}.{ext}")]
            for k, label, ext in kinds
        }
        try:
            import typst  # noqa: F401
        except ImportError:
            print("typst is not installed (pip install -e '.[bench]'): ours only")
        else:
            for label, std in (("Typst PDF", ""), ("Typst PDF/A-2b", "a-2b")):
                target = Path(tmp) / f"typst-{std or 'pdf'}.pdf"
                out[label] = target
                standards = f", pdf_standards={std!r}" if std else ""
                commands[label] = [
                    sys.executable,
                    "-c",
                    f"import typst; typst.compile({str(typ)!r}, output={str(target)!r}, "
                    f"font_paths=[{str(FONTS)!r}], ignore_system_fonts=True{standards})",
                ]
        for cmd in commands.values():  # warm-up: font metrics cached, files made
            subprocess.run(cmd, check=True, env=env, capture_output=True)
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        for _ in range(args.rounds):
            for label, cmd in commands.items():
                times[label].append(timed(cmd, env))
        print(f"{'26-page issue, whole process':28}{'wall (s)':>10}{'CPU (s)':>10}"
              f"{'wall min…max':>16}{'size KiB':>10}")  # fmt: skip
        for label, ts in times.items():
            walls, cpus = [t[0] for t in ts], [t[1] for t in ts]
            size = out[label].stat().st_size / 1024
            print(
                f"{label:28}{statistics.median(walls):>10.3f}{statistics.median(cpus):>10.3f}"
                f"{min(walls):>8.3f}…{max(walls):.3f}{size:>10.0f}"
            )
        print(f"rounds: {args.rounds}, interleaved")


if __name__ == "__main__":
    main()
