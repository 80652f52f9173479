"""The head found in each draft of a corpus folder (default ``../shared/corpus/real-drafts``
beside the project): title lines, subtitle, the blocks set before the body (a logo, an
author's byline), the 落款 lines, and what was left out of the head (a 红头, an 附件
label). Read it against the drafts: each line is what a reader of the draft would call
its title, or not. Prints the table, asserts nothing.

Run: .venv/bin/python benchmarks/corpus_titles.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SUFFIXES = {".doc", ".docx", ".wps", ".pdf", ".rtf", ".odt", ".txt"}


def head(src: Path) -> str:
    from lianluo_desk.errors import UserError
    from lianluo_desk.importers import ImportReport, import_file
    from lianluo_desk.model.issue import BlockKind

    report = ImportReport()
    try:
        arts, _past = import_file(src, None, "", report)
    except UserError as exc:
        return f"refused: {exc}"
    a = arts[0]
    lead = []
    for b in a.blocks:
        if b.kind is BlockKind.IMAGE:
            lead.append("[图]")
        elif b.kind is BlockKind.BYLINE:
            lead.append(f"[署名]{b.text}")
        else:
            break
    signoff = []
    for b in reversed(a.blocks[len(lead) :]):
        if b.kind is not BlockKind.BYLINE:
            break
        signoff.insert(0, b.text)
    left = {k: n for k, n in report.left_out.items() if k in ("红头", "附件标注")}
    cols = [
        " / ".join(a.title) or "（无标题）",
        a.subtitle or "-",
        " ".join(lead) or "-",
        " / ".join(signoff) or "-",
        "、".join(f"{k} {n}" for k, n in left.items()) or "-",
    ]
    return "\t".join(cols)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/corpus/real-drafts"
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    print("file\ttitle\tsubtitle\tbefore the body\t落款\tleft out")
    for src in files:
        print(f"{src.relative_to(folder)}\t{head(src)}", flush=True)


if __name__ == "__main__":
    main()
