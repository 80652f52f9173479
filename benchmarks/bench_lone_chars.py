"""孤字 count: paragraphs whose last line holds one character (a Latin word or number
counting as one, marks not counting), over the test issues and the real drafts of the
shared corpus (``../shared/corpus/real-drafts`` beside the project, read where it is).
Prints figures, asserts nothing.

Run: .venv/bin/python benchmarks/bench_lone_chars.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real-drafts"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LIANLUO_DESK_SYSTEM_FONTS", "0")


def main() -> None:
    from lianluo_desk.errors import UserError
    from lianluo_desk.importers import import_draft
    from lianluo_desk.layout.engine import Composer
    from lianluo_desk.layout.fonts import FontSet
    from lianluo_desk.model.store import load_issue
    from lianluo_desk.service import SAMPLE_ISSUE, new_issue
    from lianluo_desk.template import load_template
    from tests.conftest import DATA, FROZEN, past
    from tests.test_lone_char import last_lines, units

    t = load_template()
    fonts = FontSet(t, system_fonts=False)
    issues = {"sample": load_issue(SAMPLE_ISSUE)}
    for name in ("2018-no01", "2021-no02", "2022-no07"):
        issues[name] = past(name).issue
    drafts = [DATA / "2018-no01-annual-summary.docx", DATA / "2022-no07-training.docx"]
    if CORPUS.is_dir():
        manifest = json.loads((CORPUS / "manifest.json").read_text("utf-8"))
        drafts += [CORPUS / e["file"] for e in manifest if e["format"] in ("docx", "doc", "wps")]
    with tempfile.TemporaryDirectory() as tmp:
        for k, path in enumerate(drafts):
            folder = Path(tmp) / str(k)
            try:
                article = import_draft(path, folder / "assets", "assets")
            except UserError as exc:
                print(f"skipped {path.name}: {exc}")
                continue
            issue = new_issue(t, FROZEN, 16, 667)
            issue.articles.append(article)
            issue.origin = str(folder / "issue.json")
            issues[path.name] = issue
        paragraphs = lone = 0
        for name, issue in issues.items():
            doc = Composer(t, fonts).compose(issue)
            found = [lines[-1] for _role, lines in last_lines(doc) if units(lines[-1]) < 2]
            paragraphs += len(last_lines(doc))
            lone += len(found)
            if found:
                print(f"{name}: {found}")
    print(f"{len(issues)} issues, {paragraphs} paragraphs of two lines or more, {lone} 孤字")


if __name__ == "__main__":
    main()
