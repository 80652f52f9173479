"""Pages of drafts with tables: each draft imported into a new issue, its PDF's pages
against LibreOffice's rendering of its DOCX (the shipped faces standing in for the office
fonts, as the DOCX tests do): page counts, and for each page after the first how many of
our lines its start is off (positive: LibreOffice's page starts later). Drafts without a
table are skipped unless ``--all``. Prints figures, asserts nothing.

Run: .venv/bin/python benchmarks/table_pages.py [--all] [FILE …]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real-drafts"
sys.path.insert(0, str(ROOT))


def measure(src: Path, tmp: Path, every: bool = False) -> str:
    from lianluo_desk.errors import UserError
    from lianluo_desk.export.docx import render_docx
    from lianluo_desk.importers import import_file
    from lianluo_desk.layout.engine import lay_out
    from lianluo_desk.layout.fonts import FontSet
    from lianluo_desk.model.issue import BlockKind
    from lianluo_desk.service import new_issue
    from lianluo_desk.template import load_template
    from tests import pagestarts
    from tests.lo import to_pdf

    try:
        arts, _ = import_file(src, tmp / "assets", "assets")
    except UserError as exc:
        return f"not imported ({exc})"
    tables = [b for a in arts for b in a.blocks if b.kind is BlockKind.TABLE]
    if not tables and not every:
        return ""
    t = load_template()
    issue = new_issue(t, dt.date(2022, 8, 15), 1, 1)
    issue.articles = arts
    issue.origin = str(tmp / "issue.json")  # images are found beside it
    doc = lay_out(issue, t, FontSet(t))
    docx = tmp / "ours.docx"
    docx.write_bytes(render_docx(issue, t, doc))
    ours, theirs = pagestarts.both(doc, to_pdf(docx, tmp / "lo"))
    off = [lines for _page, _chars, lines in pagestarts.compare(ours, theirs)]
    same = sum(1 for x in off if x == 0)
    return (
        f"{len(tables)} tables, pages PDF {len(ours.pages)} / LibreOffice {len(theirs.pages)}, "
        f"starts on the same line {same} of {len(off)}, off by {off}"
    )


def main() -> None:
    every = "--all" in sys.argv
    files = [Path(a) for a in sys.argv[1:] if a != "--all"] or [
        CORPUS / e["file"] for e in json.loads((CORPUS / "manifest.json").read_text("utf-8"))
    ]
    for f in files:
        if f.suffix.lower() == ".pdf":
            continue
        with tempfile.TemporaryDirectory(prefix="lld-tpages-") as tmp:
            try:
                line = measure(f, Path(tmp), every)
            except Exception as exc:  # noqa: BLE001 - a figure per file, not a stop
                line = f"failed: {type(exc).__name__}: {exc}"
        if line:
            print(f"{f.parent.name}/{f.name}: {line}", flush=True)


if __name__ == "__main__":
    main()
