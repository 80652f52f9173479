"""Ours against Typst, side by side: the same articles on the same page (A4, GB/T 9704
margins, the shipped faces at the same sizes), both run as whole processes, interleaved,
several rounds; medians, min … max and the ratio taken pair by pair, for wall and CPU
time. Then PDF sizes, and a batch of 24 issues in one command against Typst compiling
the 24 sources in one process. Prints, asserts nothing. Needs the `bench` extra
(`pip install -e .[bench]`, which installs `typst`). The in-process comparison after an
edit is `bench_warm.py`.

Run: .venv/bin/python benchmarks/bench_typst.py [--rounds N] [--batch-rounds N]
"""

from __future__ import annotations

import argparse
import hashlib
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
FONTS = ROOT / "resources" / "fonts"

SPECIAL = set("#*_`$<>@[]\\/~\"'=-+")


def _esc(text: str) -> str:
    return "".join("\\" + c if c in SPECIAL else c for c in text)


FACE = {"fang": "LLD Fang", "song": "LLD Biaosong", "hei": "LLD Hei", "kai": "LLD Kai"}


def typst_source(issue_path: Path) -> str:
    from lianluo_desk.model.store import load_issue

    return typst_markup(load_issue(issue_path))


def typst_markup(issue) -> str:  # type: ignore[no-untyped-def]
    """The issue as Typst markup on the bulletin's page: the masthead, notes, titles,
    subtitles, headings and run-ins in their faces, bylines, the 版记."""
    from lianluo_desk.layout.banji import align_name
    from lianluo_desk.model.issue import BlockKind
    from lianluo_desk.template import load_template
    from lianluo_desk.textnorm import split_note

    t = load_template()
    g = t.geometry
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
            label, rest = split_note(art.note)
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
    f = issue.banji
    groups = [t.labels["distribution"] + f.distribution[0].text] + [
        grp.text for grp in f.distribution[1:]
    ]
    names = "　".join(align_name(n) for n in f.editors)
    rows = [*groups, f"{t.labels['editors']}{names} {t.labels['contact']}{f.contact}",
            t.labels["approval"] + f.approval]  # fmt: skip
    out.append("#line(length: 100%, stroke: 1pt)")
    out += ["#" + styled("footer", row) for row in rows]
    out.append("#line(length: 100%, stroke: 1pt)")
    return "\n\n".join(out) + "\n"


def build_year(folder: Path, count: int = 24) -> list[Path]:
    """A year's issues: ``count`` issues of three articles each, taken in turn from the
    Word drafts and past issues kept with the tests, numbered and dated through a year.
    Every paragraph of an issue opens with its date, so that no two issues share a
    paragraph: neither program's caches may carry work from one issue to the next."""
    import copy
    import datetime as dt

    from bench_export import DATA

    from lianluo_desk.importers import import_draft
    from lianluo_desk.importers.legacy import parse_past_issue
    from lianluo_desk.model.store import save_issue
    from lianluo_desk.service import new_issue
    from lianluo_desk.template import load_template

    t = load_template()
    pool = [import_draft(DATA / d) for d in sorted(DATA.glob("*.docx"))]
    for name in ("2018-no01", "2021-no02", "2022-no07"):
        pool += parse_past_issue((DATA / f"{name}.txt").read_text("utf-8")).issue.articles
    paths = []
    for k in range(count):
        issue = new_issue(t, dt.date(2022, 1, 10) + dt.timedelta(days=15 * k), k + 1, 651 + k)
        issue.articles = [copy.deepcopy(pool[(3 * k + j) % len(pool)]) for j in range(3)]
        day = f"{issue.masthead.date.month}月{issue.masthead.date.day}日，"
        for art in issue.articles:
            for b in art.blocks:
                if b.text:
                    b.text = day + b.text
        path = folder / f"issue-{k + 1:02d}.json"
        save_issue(issue, path)
        paths.append(path)
    return paths


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def side_by_side(
    label: str, ours_cmd: list[str], theirs_cmd: list[str], rounds: int, env: dict[str, str]
) -> None:
    """Both commands in turn, one warm-up each; medians, min … max, ratios pair by pair."""
    timed(ours_cmd, env), timed(theirs_cmd, env)
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(timed(ours_cmd, env))
        theirs.append(timed(theirs_cmd, env))
    for i, kind in ((0, "wall"), (1, "cpu")):
        o = [r[i] for r in ours]
        t = [r[i] for r in theirs]
        ratios = [a / b for a, b in zip(o, t, strict=True)]
        print(
            f"{label + ' ' + kind + ' (s)':34}{statistics.median(o):>8.3f}"
            f"{statistics.median(t):>8.3f}{statistics.median(ratios):>7.2f}"
            f"   ratio {min(ratios):.2f}…{max(ratios):.2f}, ours {min(o):.3f}…{max(o):.3f},"
            f" Typst {min(t):.3f}…{max(t):.3f}"
        )


def compile_ours() -> None:
    """An installed package carries its bytecode; where writing it is switched off, our
    modules would be compiled again in every timed run, so compile them once here."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "lianluo_desk")],
        check=True,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""),
    )


def benchmark_issue(tmp: Path) -> tuple[dict[str, str], Path, Path]:
    """The benchmark issue in ``tmp`` as our issue file and as Typst source, and the
    environment both run in (shipped fonts only, a private library)."""
    from bench_export import build_issue

    env = dict(os.environ, LIANLUO_DESK_SYSTEM_FONTS="0", LIANLUO_DESK_LIBRARY=str(tmp))
    issue = tmp / "issue.json"
    build_issue(issue)
    typ = tmp / "issue.typ"
    typ.write_text(typst_source(issue), "utf-8")
    return env, issue, typ


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--batch-rounds", type=int, default=3)
    args = ap.parse_args()
    try:
        import typst  # noqa: F401
    except ImportError:
        print("typst is not installed: pip install -e '.[bench]'")
        return
    compile_ours()
    with tempfile.TemporaryDirectory() as tmp:
        env, issue, typ = benchmark_issue(Path(tmp))
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
        print(f"{'':34}{'ours':>8}{'Typst':>8}{'ratio':>7}")
        digests = set()
        subprocess.run(ours_cmd, check=True, env=env, capture_output=True)  # font cache made
        digests.add(hashlib.sha256(ours_pdf.read_bytes()).hexdigest())
        side_by_side("cold export", ours_cmd, theirs_cmd, args.rounds, env)
        digests.add(hashlib.sha256(ours_pdf.read_bytes()).hexdigest())
        from pypdf import PdfReader

        ours_pages = len(PdfReader(ours_pdf).pages)
        theirs_pages = len(PdfReader(theirs_pdf).pages)
        so, st = ours_pdf.stat().st_size, theirs_pdf.stat().st_size
        print(f"{'pages':34}{ours_pages:>8}{theirs_pages:>8}")
        print(f"{'PDF size (KiB)':34}{so / 1024:>8.0f}{st / 1024:>8.0f}{so / st:>7.2f}")
        print(f"{'our PDF identical run to run':34}{'yes' if len(digests) == 1 else 'NO':>8}")

        year = build_year(Path(tmp))
        out = Path(tmp) / "pdfs"
        out.mkdir()
        batch_ours = [
            sys.executable,
            "-m",
            "lianluo_desk",
            "export",
            *map(str, year),
            "--pdf-dir",
            str(out),
        ]
        for p in year:
            p.with_suffix(".typ").write_text(typst_source(p), "utf-8")
        files = [str(p.with_suffix(".typ")) for p in year]
        batch_theirs = [
            sys.executable,
            "-c",
            f"import typst; c = typst.Compiler(font_paths=[{str(FONTS)!r}], "
            f"ignore_system_fonts=True, root={tmp!r})\n"
            f"for f in {files!r}: c.compile(f, output=f[:-4] + '.pdf')",
        ]
        side_by_side(
            f"batch of {len(year)} issues", batch_ours, batch_theirs, args.batch_rounds, env
        )
        pages = sum(len(PdfReader(p).pages) for p in out.glob("*.pdf"))
        print(f"{'  pages in the batch (ours)':34}{pages:>8}")
        print(
            f"rounds: {args.rounds} (batch {args.batch_rounds}), interleaved;"
            f" Typst {_typst_version()}"
        )


def _typst_version() -> str:
    from importlib.metadata import version

    return version("typst")


if __name__ == "__main__":
    main()
