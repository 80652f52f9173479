"""Coverage of real drafts: for every file of one or more corpus folders (default
``../shared/corpus/real-drafts`` beside the project), as a new user would take it in
(import, then export to PDF and DOCX). Per file it prints:

- whether it was imported and exported (or the one line that refused it);
- the share of the characters LibreOffice reads from the file (``soffice --headless
  --convert-to txt``, private profile, table cells and notes included; for a PDF, which
  LibreOffice opens as a drawing, the text ``pdftotext`` reads, in its reading order or
  the order the PDF draws it, whichever matches better) found in our PDF, in order;
- the same share in any order (``unordered``): a table's cells read across its rows
  from our PDF are found, text really lost is not;
- our PDF's pages beside LibreOffice's pages of our DOCX (the reviewers' view of the same
  issue; ``--no-pages`` leaves that out, it is the slow part);
- the title found (the first article's, with the number of articles).

Prints the table and a summary per folder, asserts nothing.

Run: .venv/bin/python benchmarks/corpus_coverage.py [--no-pages] [FOLDER ...]
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lianluo_desk.importers import ImportReport

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SUFFIXES = {".doc", ".docx", ".wps", ".pdf", ".rtf", ".odt", ".txt", ".md"}
# the two sides are compared on visible characters only; a straight and a curly quote,
# a half- and a full-width comma are the same text
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u3000": "", "\ufeff": ""})
# the bullets of lists, which LibreOffice writes as text and the importer leaves out with
# the list marker (counted in the report as 项目符号 when typed)
BULLETS = re.compile("[•▪◦●■◆➢❖✓➔→√\uf000-\uf0ff]")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return re.sub(r"\s+", "", BULLETS.sub("", text))


def lo_text(src: Path, work: Path) -> str:
    """The file's text as LibreOffice's text export gives it (UTF-8)."""
    from lianluo_desk.convert import find_soffice

    exe = find_soffice() or "soffice"
    out = work / "lo"
    inp = work / f"in{src.suffix.lower()}"
    inp.write_bytes(src.read_bytes())
    fmt = "txt:Text (encoded):UTF8"
    cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless"]
    cmd += ["--convert-to", fmt, "--outdir", str(out), str(inp)]
    env = dict(os.environ, HOME=str(work), SAL_USE_VCLPLUGIN="svp")
    subprocess.run(cmd, capture_output=True, env=env, timeout=300, check=False)
    txt = out / "in.txt"
    return txt.read_text("utf-8", "replace") if txt.exists() else ""


def md_text(src: Path, work: Path) -> str:
    """A Markdown draft's text as a reader sees it: LibreOffice's text of the file
    without the markup (heading and list marks, emphasis, table rules, a link's
    address, front matter), which no one reads as text."""
    text = lo_text(src, work).lstrip("\ufeff").replace("\r\n", "\n")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # an image: a picture, not text
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link: its words
    text = re.sub(r"(?m)^\s*\|?[\s:|-]*-{3,}[\s:|-]*$", "", text)  # a table's rule
    text = re.sub(r"(?m)^\s{0,3}(#{1,6}\s+|>\s?)", "", text)  # a heading's, a quotation's
    text = re.sub(r"(?m)^\s*[-*+]\s+(\[[ xX]\]\s+)?", "", text)  # a list item's, nested too
    text = re.sub(r"(?m)^\s*(`{3,}|~{3,}|:{3,}).*$", "", text)  # a code fence, a div's
    text = re.sub(r"\s*\{[.#][^{}]*\}", "", text)  # attributes ({.noindent})
    text = re.sub(r"<[A-Za-z/][^<>]*>", "", text)  # HTML tags
    text = re.sub(r"\*\*|__|`|\|", "", text)  # strong emphasis, code, a table's rules
    return re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*", r"\1", text)  # *emphasis*


def pdf_text(pdf: Path, layout: bool = False, raw: bool = False) -> str:
    """A PDF's text; ``layout`` keeps the printed lines in order (a justified line of
    code, its words far apart, is otherwise read as columns); ``raw`` gives it in the
    order the writer drew it."""
    opts = ["-layout"] if layout else ["-raw"] if raw else []
    r = subprocess.run(["pdftotext", *opts, "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    return r.stdout.decode("utf-8", "replace")


def coverage(ref: str, ours: str) -> float:
    """Share of the reference's characters found in ours, in the same order."""
    if not ref:
        return 1.0
    sm = difflib.SequenceMatcher(None, ref, ours, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / len(ref)


def unordered(ref: str, ours: str, least: int = 4) -> float:
    """Share of the reference's characters found in ours in any order: what the in-order
    match misses, taken again in pieces of at least ``least`` characters found anywhere.
    A table's cells side by side are read line by line across the row from a PDF, so its
    text is all there but interleaved; text really lost stays missing."""
    if not ref:
        return 1.0
    sm = difflib.SequenceMatcher(None, ref, ours, autojunk=False)
    found = 0
    for op, i1, i2, _j1, _j2 in sm.get_opcodes():
        if op == "equal":
            found += i2 - i1
        elif op in ("delete", "replace"):
            found += _pieces_in(ref[i1:i2], ours, least)
    return found / len(ref)


def _pieces_in(seg: str, ours: str, least: int) -> int:
    """Characters of ``seg`` covered by its longest pieces (greedy, left to right) that
    occur somewhere in ``ours``."""
    got = i = 0
    while i < len(seg):
        n = 0
        while i + n < len(seg) and seg[i : i + n + 1] in ours:
            n += 1
        if n >= least or (n and n == len(seg)):
            got += n
            i += n
        else:
            i += 1
    return got


def lo_pages(docx: Path, work: Path) -> int:
    """Pages LibreOffice sets our DOCX in, with the shipped faces standing in for the
    office fonts (as the DOCX tests do); 0 when LibreOffice gave no PDF."""
    from tests.lo import to_pdf

    try:
        pdf = to_pdf(docx, work / "lo-docx")
    except RuntimeError:
        return 0
    return pdf_pages(pdf)


def pdf_pages(pdf: Path) -> int:
    r = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", r.stdout, re.M)
    return int(m.group(1)) if m else 0


@dataclass
class Row:
    """One draft's line of the table."""

    name: str
    ref_chars: int = 0
    matched: int = 0
    pct: str = "-"
    anyorder: str = "-"
    pages: int = 0
    lo_pages: int = 0
    title: str = "-"
    note: str = "-"
    stage: str = "ok"  # "ok", "refused", "crash"

    def line(self) -> str:
        pages = f"{self.pages}/{self.lo_pages}" if self.lo_pages else f"{self.pages}/-"
        return "\t".join(
            [
                self.name,
                self.stage,
                str(self.ref_chars),
                self.pct,
                self.anyorder,
                pages,
                self.title,
                self.note,
            ]
        )


def one(src: Path, work: Path, with_pages: bool) -> Row:
    """Import, export and measure one draft."""
    import datetime as _dt

    from lianluo_desk import service
    from lianluo_desk.errors import UserError
    from lianluo_desk.importers import ImportReport, import_file
    from lianluo_desk.template import load_template

    suffix = src.suffix.lower()
    ref = (
        pdf_text(src)
        if suffix == ".pdf"
        else md_text(src, work)
        if suffix == ".md"
        else lo_text(src, work)
    )
    row = Row(src.name, ref_chars=len(fold(ref)))
    report = ImportReport()
    t = load_template()
    try:
        arts, _past = import_file(src, work / "assets", "assets", report)
        issue = service.new_issue(t, _dt.date(2026, 1, 5))
        issue.articles = arts
        issue.origin = str(work / "issue.json")  # images are kept beside it
        service.export(issue, work / "out.pdf", work / "out.docx", t)
    except UserError as exc:
        row.stage, row.note = "refused", " ".join(str(exc).split())
        return row
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
        row.stage, row.note = "crash", f"{type(exc).__name__}: {exc}"
        return row
    b = fold(pdf_text(work / "out.pdf", layout=True))
    # a source PDF's text in pdftotext's reading order and in the order its writer drew
    # it: the first reads some pages of two columns across both (a journal's lines of
    # the two columns on one baseline), the second down each; the better one counts
    refs = [ref, pdf_text(src, raw=True)] if suffix == ".pdf" else [ref]
    cov, a = max((coverage(x, b), x) for x in (_kept(r, report) for r in refs))
    row.ref_chars, row.matched, row.pct = len(a), round(cov * len(a)), f"{cov * 100:.1f}"
    row.anyorder = f"{unordered(a, b) * 100:.1f}"
    row.pages = pdf_pages(work / "out.pdf")
    if with_pages:
        row.lo_pages = lo_pages(work / "out.docx", work)
    first = arts[0].title_text if arts else ""
    row.title = (first or "(无题)")[:30] + (f" (+{len(arts) - 1}篇)" if len(arts) > 1 else "")
    row.note = " ".join((report.summary() or "-").split())
    return row


def _kept(ref: str, report: ImportReport) -> str:
    """The reference without what was left out on purpose (a table of contents, a
    running head), the longest first: a page number "3" taken out first would cut a
    contents line it stands in."""
    a = fold(ref)
    for piece in sorted(report.left_out_text, key=len, reverse=True):
        a = a.replace(fold(piece), "", 1)
    return a


def summary(folder: Path, rows: list[Row]) -> str:
    total = sum(r.ref_chars for r in rows)
    got = sum(r.matched for r in rows)
    pcts = [float(r.pct) for r in rows if r.pct != "-"]
    anyorder = [float(r.anyorder) for r in rows if r.anyorder != "-"]
    exported = sum(r.stage == "ok" for r in rows)
    paged = [r for r in rows if r.lo_pages]
    close = sum(abs(r.pages - r.lo_pages) <= 1 for r in paged)
    titled = sum(r.title not in ("-", "(无题)") and not r.title.startswith("(无题)") for r in rows)
    return (
        f"{folder.name}: {len(rows)} files, {exported} exported, {total} LibreOffice chars, "
        f"{got} in our PDFs ({got / max(total, 1) * 100:.2f}%), lowest "
        f"{min(pcts, default=0):.1f}% (in any order {min(anyorder, default=0):.1f}%); "
        f"pages within one of LibreOffice's: {close}/{len(paged)}; "
        f"a title found: {titled}"
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    with_pages = "--no-pages" not in sys.argv
    folders = [Path(a) for a in args] or [ROOT.parent / "shared/corpus/real-drafts"]
    print("file\tstage\tLO chars\tcoverage %\tany order %\tpages ours/LO\ttitle\tnote")
    summaries = []
    for folder in folders:
        files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
        rows = []
        for src in files:
            with tempfile.TemporaryDirectory(prefix="lld-cov-") as tmp:
                row = one(src, Path(tmp), with_pages)
            row.name = str(src.relative_to(folder))
            rows.append(row)
            print(row.line(), flush=True)
        summaries.append(summary(folder, rows))
    print()
    print("\n".join(summaries))


if __name__ == "__main__":
    main()
