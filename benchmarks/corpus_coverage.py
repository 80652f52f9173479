"""Coverage of real drafts: for every file of a corpus folder (default
``../shared/corpus/real-drafts`` beside the project), the text LibreOffice reads from it
(``soffice --headless --convert-to txt``, private profile; for a PDF, which LibreOffice
opens as a drawing, the text ``pdftotext`` reads) against the text of the PDF
this program sets from it, in order. Each file is also exported as DOCX; a failure of
import or export is shown in the table. Prints the table, asserts nothing.

Run: .venv/bin/python benchmarks/corpus_coverage.py [FOLDER]
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SUFFIXES = {".doc", ".docx", ".wps", ".pdf", ".rtf", ".odt", ".txt"}
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


def pdf_text(pdf: Path, layout: bool = False) -> str:
    """A PDF's text; ``layout`` keeps the printed lines in order (a justified line of
    code, its words far apart, is otherwise read as columns)."""
    opts = ["-layout"] if layout else []
    r = subprocess.run(["pdftotext", *opts, "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    return r.stdout.decode("utf-8", "replace")


def coverage(ref: str, ours: str) -> float:
    """Share of the reference's characters found in ours, in the same order."""
    if not ref:
        return 1.0
    sm = difflib.SequenceMatcher(None, ref, ours, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / len(ref)


def one(src: Path, work: Path) -> tuple[int, int, str, str]:
    """(LibreOffice chars, our chars matched, coverage, what was left out or the error)."""
    import datetime as _dt

    from lianluo_desk import service
    from lianluo_desk.errors import UserError
    from lianluo_desk.importers import ImportReport, import_file
    from lianluo_desk.template import load_template

    ref = pdf_text(src) if src.suffix.lower() == ".pdf" else lo_text(src, work)
    report = ImportReport()
    t = load_template()
    try:
        arts, _past = import_file(src, work / "assets", "assets", report)
        issue = service.new_issue(t, _dt.date(2026, 1, 5))
        issue.articles = arts
        issue.origin = str(work / "issue.json")  # images are kept beside it
        service.export(issue, work / "out.pdf", work / "out.docx", t)
    except UserError as exc:
        return len(fold(ref)), 0, "-", f"refused: {exc}"
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
        return len(fold(ref)), 0, "-", f"crash: {type(exc).__name__}: {exc}"
    a, b = fold(ref), fold(pdf_text(work / "out.pdf", layout=True))
    for piece in report.left_out_text:  # a table of contents, left out on purpose
        a = a.replace(fold(piece), "", 1)
    cov = coverage(a, b)
    return len(a), round(cov * len(a)), f"{cov * 100:.1f}", report.summary() or "-"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/corpus/real-drafts"
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    rows = []
    for src in files:
        with tempfile.TemporaryDirectory(prefix="lld-cov-") as tmp:
            n, got, pct, note = one(src, Path(tmp))
        name = str(src.relative_to(folder))
        rows.append((name, n, got, pct, note))
        print(f"{name}\t{n}\t{got}\t{pct}\t{note}", flush=True)
    total = sum(r[1] for r in rows)
    got = sum(r[2] for r in rows)
    pcts = [float(r[3]) for r in rows if r[3] != "-"]
    print(
        f"\n{len(rows)} files, {total} LibreOffice chars, {got} in our PDFs "
        f"({got / max(total, 1) * 100:.2f}%), lowest {min(pcts, default=0):.1f}%"
    )


if __name__ == "__main__":
    main()
