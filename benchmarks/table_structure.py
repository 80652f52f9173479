"""Tables of the real drafts: rows × columns as we import them against what LibreOffice
shows for the same file (its own model, read from the ODT it converts the draft to),
table by table in document order; with ``--png DIR`` the pages of our PDF that hold a
table and LibreOffice's rendering of the draft, at 60 dpi, to look at side by side.
Prints figures, asserts nothing.

Run: .venv/bin/python benchmarks/table_structure.py [--png DIR] [FILE …]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real-drafts"
sys.path.insert(0, str(ROOT))

T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def libreoffice(src: Path, fmt: str, out: Path) -> Path:
    from lianluo_desk.convert import find_soffice

    exe = find_soffice()
    if exe is None:
        raise SystemExit("LibreOffice is needed")
    subprocess.run(
        [exe, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", fmt, "--outdir", str(out), str(src)],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    return out / f"{src.stem}.{fmt.split(':')[0]}"


def lo_tables(odt: Path) -> list[tuple[int, int]]:
    """(rows, columns) of each top-level table of LibreOffice's document."""
    from lxml import etree

    with zipfile.ZipFile(odt) as z:
        root = etree.fromstring(z.read("content.xml"))
    out = []
    for tbl in root.iter(f"{T}table"):
        if any(a.tag == f"{T}table" for a in tbl.iterancestors()):
            continue
        cols = sum(
            int(c.get(f"{T}number-columns-repeated", "1"))
            for c in tbl.iter(f"{T}table-column")
            if next(a for a in c.iterancestors() if a.tag == f"{T}table") is tbl
        )
        rows = sum(
            1
            for r in tbl.iter(f"{T}table-row")
            if next(a for a in r.iterancestors() if a.tag == f"{T}table") is tbl
        )
        out.append((rows, cols))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--png", type=Path)
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()
    from lianluo_desk.errors import UserError
    from lianluo_desk.importers import import_file
    from lianluo_desk.model.issue import BlockKind

    files = args.files or [
        CORPUS / e["file"] for e in json.loads((CORPUS / "manifest.json").read_text("utf-8"))
    ]
    same = differ = 0
    for f in files:
        if f.suffix.lower() == ".pdf":
            continue
        tmp = Path(tempfile.mkdtemp(prefix="lld-tables-"))
        try:
            arts, _ = import_file(f, tmp / "assets", "assets")
        except Exception as exc:  # noqa: BLE001 - a figure per file, not a stop
            print(f"{f.name}: not imported ({exc})")
            continue
        ours = [
            (len(b.table.rows), b.table.columns)
            for a in arts
            for b in a.blocks
            if b.kind is BlockKind.TABLE and b.table is not None
        ]
        warnings = [w for a in arts for w in a.warnings]
        theirs = lo_tables(libreoffice(f, "odt", tmp))
        if args.png and ours:
            try:
                _pngs(f, arts, tmp, args.png)
            except UserError as exc:
                print(f"{f.name}: no PNG ({exc})")
        kept = _kept(arts, libreoffice(f, "txt:Text (encoded):UTF8", tmp))
        shutil.rmtree(tmp, ignore_errors=True)
        if not ours and not theirs:
            continue
        ok = ours == theirs
        same += ok
        differ += not ok
        print(f"{f.parent.name}/{f.name}: ours {ours} LibreOffice {theirs} "
              f"{'same' if ok else 'DIFFERENT'}, text kept {kept:.1%}"
              f"{' ' + '; '.join(warnings) if warnings else ''}")  # fmt: skip
    print(f"files with tables: {same} same structure, {differ} different")


def _kept(arts: list, txt: Path) -> float:
    """Share of LibreOffice's text (hanzi, letters, digits) found in ours, counted."""
    from collections import Counter

    def count(s: str) -> Counter[str]:
        return Counter(ch for ch in s if ch.isalnum())

    theirs = count(txt.read_text("utf-8", "replace"))
    ours = count("".join(a.title_text + a.note + "".join(b.all_text for b in a.blocks)
                         for a in arts))  # fmt: skip
    total = sum(theirs.values()) or 1
    return sum(min(n, ours[ch]) for ch, n in theirs.items()) / total


def _pngs(f: Path, arts: list, tmp: Path, out: Path) -> None:
    """Our PDF's table pages and LibreOffice's rendering of the draft, as PNG."""
    import datetime as dt

    from lianluo_desk.export.pdf import render_pdf
    from lianluo_desk.layout.engine import lay_out
    from lianluo_desk.layout.fonts import FontSet
    from lianluo_desk.service import new_issue
    from lianluo_desk.template import load_template

    t = load_template()
    issue = new_issue(t, dt.date(2022, 8, 15), 1, 1)
    issue.articles = arts
    issue.origin = str(tmp / "issue.json")  # images are found beside it
    doc = lay_out(issue, t, FontSet(t))
    out.mkdir(parents=True, exist_ok=True)
    pdf = tmp / "ours.pdf"
    pdf.write_bytes(render_pdf(doc))
    stem = f"{f.parent.name}-{f.stem}"
    for page in doc.pages:
        if page.cells:
            n = str(page.number)
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", n, "-l", n, "-singlefile",
                            str(pdf), str(out / f"{stem}-ours-{n}")], check=True)  # fmt: skip
    lo = libreoffice(f, "pdf", tmp)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(lo), str(out / f"{stem}-lo")], check=True)


if __name__ == "__main__":
    main()
