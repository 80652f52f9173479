"""Review round trip on real drafts: each draft of the corpus (Word, WPS, PDF) imported
into an issue, as imported and with every proofing fix, exported as DOCX and reviewed
unchanged, directly and after LibreOffice opened and saved it. Prints what review lists
(nothing is the goal), asserts nothing.

Run: .venv/bin/python benchmarks/bench_review.py [CORPUS_DIR] [--no-libreoffice]
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "real-drafts"


def main() -> int:
    from lianluo_desk import proof
    from lianluo_desk import review as rv
    from lianluo_desk.errors import UserError
    from lianluo_desk.export.docx import render_docx
    from lianluo_desk.importers import import_file
    from lianluo_desk.service import new_issue
    from lianluo_desk.template import load_template

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpus = Path(args[0]) if args else CORPUS
    with_lo = "--no-libreoffice" not in sys.argv
    t = load_template()
    work = Path(tempfile.mkdtemp(prefix="bench-review-"))
    rows: list[tuple[str, str, int, int | None]] = []
    sent: dict[str, object] = {}
    for entry in json.loads((corpus / "manifest.json").read_text("utf-8")):
        path = corpus / entry["file"]
        issue = new_issue(t, dt.date(2022, 8, 15), 16, 667)
        issue.origin = str(work / "issue.json")  # images beside it
        try:
            arts, _past = import_file(path, work / "assets", "assets")
        except UserError as exc:
            print(f"{entry['file']}: not imported ({exc})")
            continue
        issue.articles += arts
        fixed = copy.deepcopy(issue)
        proof.fix(fixed, list(proof.RULES))
        for kind, each in (("as imported", issue), ("fixed", fixed)):
            try:
                data = render_docx(each, t)
            except Exception as exc:  # noqa: BLE001 - a figure, not a test
                print(f"{entry['file']} {kind}: not exported ({type(exc).__name__}: {exc})")
                continue
            reference = rv.read(data)
            n = len(rv.compare(each, rv.load(data, each), reference))
            name = f"d{len(sent):02d}"
            (work / f"{name}.docx").write_bytes(data)
            sent[name] = (each, reference)
            rows.append((entry["file"], kind, n, None))
    if with_lo and sent:
        out = work / "lo"
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
             *(str(work / f"{n}.docx") for n in sent)],
            capture_output=True, timeout=1800, check=False,
        )  # fmt: skip
        for k, name in enumerate(sent):
            each, reference = sent[name]  # type: ignore[misc]
            back = out / f"{name}.docx"
            lo = len(rv.compare(each, rv.load(back, each), reference)) if back.exists() else -1
            rows[k] = (*rows[k][:3], lo)
    for file, kind, n, lo in rows:
        print(f"{n:3d} {'' if lo is None else f'{lo:3d}'}  {kind:11s}  {file}")
    listed = sum(r[2] for r in rows)
    lo_listed = sum(r[3] or 0 for r in rows if r[3] is not None and r[3] > 0)
    drafts = len({r[0] for r in rows})
    print(
        f"{len(rows)} exports of {drafts} drafts: {listed} changes listed unchanged, "
        f"{lo_listed} after LibreOffice"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
