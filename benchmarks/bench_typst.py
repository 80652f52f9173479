"""Ours against Typst, side by side: the same articles on the same page (A4, GB/T 9704
margins, the shipped faces at the same sizes), both run as whole processes, interleaved,
several rounds; medians and their ratio, PDF sizes and their ratio. Prints, asserts
nothing. Needs the `bench` extra (`pip install -e .[bench]`, which installs `typst`).

Run: .venv/bin/python benchmarks/bench_typst.py [--rounds N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
FONTS = ROOT / "resources" / "fonts"

SPECIAL = set("#*_`$<>@[]\\/~\"'=-+")


def _esc(text: str) -> str:
    return "".join("\\" + c if c in SPECIAL else c for c in text)


FACE = {"fang": "LLD Fang", "song": "LLD Biaosong", "hei": "LLD Hei", "kai": "LLD Kai"}


def typst_source(issue_path: Path) -> str:
    """The issue as Typst markup on the bulletin's page: the masthead, notes, titles,
    subtitles, headings and run-ins in their faces, bylines, the 版记."""
    from lianluo_desk.layout.engine import _align_name, _split_note
    from lianluo_desk.model.issue import BlockKind
    from lianluo_desk.model.store import load_issue
    from lianluo_desk.template import load_template

    t = load_template()
    g = t.geometry
    issue = load_issue(issue_path)
    st = t.styles

    def face(name: str) -> str:
        return f'("LLD Latin", "{FACE[st[name].face]}")'

    def styled(name: str, text: str) -> str:
        bold = ', weight: "bold"' if st[name].bold else ""
        return f"text(font: {face(name)}, size: {st[name].size}pt{bold})[{_esc(text)}]"

    leading = g.pitch - st["body"].size
    m = issue.masthead
    red = t.color("red")
    out = [
        f'#set page(paper: "a4", margin: (top: {g.top}pt, left: {g.left}pt, '
        f"right: {g.page_width - g.right}pt, bottom: {g.page_height - g.bottom}pt))",
        f'#set text(font: {face("body")}, size: 16pt, lang: "zh", region: "cn")',
        f"#set par(justify: true, first-line-indent: (amount: 2em, all: true), "
        f"leading: {leading:.2f}pt, spacing: {leading:.2f}pt)",
        f'#align(center)[#text(fill: rgb("{red}"), font: "LLD Biaosong", size: 62pt, '
        f"tracking: 8pt)[{_esc(m.title)}]]",
        f'#align(center)[#text(fill: rgb("{red}"), size: 14pt, tracking: 3.5pt)[{m.pinyin}]]',
        f"#align(center)[{_esc(t.format_number(m.number, m.supplement))}]",
        f"#align(center)[{_esc(t.format_cumulative(m.cumulative))}]",
        f"{_esc(m.issuer)} #h(1fr) {_esc(t.format_date(m.date))}",
        f'#line(length: 100%, stroke: 1pt + rgb("{red}"))',
    ]
    for art in issue.articles:
        if art.note:
            label, rest = _split_note(art.note)
            out.append("#" + styled("note_label", label) + " #" + styled("note", rest))
        if art.title:
            out.append("#align(center)[#" + styled("title", " ".join(art.title)) + "]")
        if art.subtitle:
            out.append("#align(center)[#" + styled("subtitle", art.subtitle) + "]")
        for b in art.blocks:
            level = max(1, min(4, b.level))
            if b.kind is BlockKind.HEADING:
                out.append("#" + styled(f"heading{level}", b.full_text))
            elif b.kind is BlockKind.BYLINE:
                out.append("#align(right)[" + _esc(b.text) + "]")
            elif b.kind is not BlockKind.IMAGE:
                lead = "#" + styled(f"heading{level}", b.runin) if b.runin else ""
                out.append(lead + _esc(b.text))
    f = issue.footer
    groups = [t.labels["distribution"] + f.distribution[0].text] + [
        grp.text for grp in f.distribution[1:]
    ]
    names = "　".join(_align_name(n) for n in f.editors)
    rows = [*groups, f"{t.labels['editors']}{names} {t.labels['contact']}{f.contact}",
            t.labels["approval"] + f.approval]  # fmt: skip
    out.append("#line(length: 100%, stroke: 1pt)")
    out += ["#" + styled("footer", row) for row in rows]
    out.append("#line(length: 100%, stroke: 1pt)")
    return "\n\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    try:
        import typst  # noqa: F401
    except ImportError:
        print("typst is not installed: pip install -e '.[bench]'")
        return
    from bench_export import build_issue

    env = dict(os.environ, LIANLUO_DESK_SYSTEM_FONTS="0")
    with tempfile.TemporaryDirectory() as tmp:
        issue = Path(tmp) / "issue.json"
        build_issue(issue)
        typ = Path(tmp) / "issue.typ"
        typ.write_text(typst_source(issue), "utf-8")
        ours_pdf, theirs_pdf = Path(tmp) / "ours.pdf", Path(tmp) / "typst.pdf"
        ours_cmd = [
            sys.executable,
            "-m",
            "lianluo_desk",
            "export",
            str(issue),
            "--pdf",
            str(ours_pdf),
        ]
        theirs_cmd = [
            sys.executable,
            "-c",
            f"import typst; typst.compile({str(typ)!r}, output={str(theirs_pdf)!r}, "
            f"font_paths=[{str(FONTS)!r}], ignore_system_fonts=True)",
        ]
        ours, theirs, digests = [], [], set()
        for _ in range(args.rounds):  # interleaved: both see the same machine load
            for cmd, times in ((ours_cmd, ours), (theirs_cmd, theirs)):
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, env=env, capture_output=True)
                times.append(time.perf_counter() - t0)
            digests.add(hashlib.sha256(ours_pdf.read_bytes()).hexdigest())
        from pypdf import PdfReader

        ours_pages = len(PdfReader(ours_pdf).pages)
        theirs_pages = len(PdfReader(theirs_pdf).pages)
        o, t = statistics.median(ours), statistics.median(theirs)
        so, st = ours_pdf.stat().st_size, theirs_pdf.stat().st_size
        print(f"{'':28}{'lianluo-desk':>14}{'Typst':>10}{'ratio':>8}")
        print(f"{'cold export, median (s)':28}{o:>14.3f}{t:>10.3f}{o / t:>8.2f}")
        spread = f"{min(ours):>6.3f}…{max(ours):<7.3f}{min(theirs):>4.3f}…{max(theirs):.3f}"
        print(f"{'  min … max (s)':28}{spread}")
        print(f"{'pages':28}{ours_pages:>14}{theirs_pages:>10}")
        print(f"{'PDF size (KiB)':28}{so / 1024:>14.0f}{st / 1024:>10.0f}{so / st:>8.2f}")
        print(f"{'our PDF identical run to run':28}{'yes' if len(digests) == 1 else 'NO':>14}")
        print(f"rounds: {args.rounds}, interleaved; Typst {_typst_version()}")


def _typst_version() -> str:
    from importlib.metadata import version

    return version("typst")


if __name__ == "__main__":
    main()
