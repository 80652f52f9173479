"""Letters and digits of Unicode's mathematical alphabets (𝐷 𝑥 𝟐, what an equation
editor's text becomes when copied) are read in as the plain letters and digits they
are, counted in the import report, so the issue exports; what the faces print of
the other compatibility characters (① ℃ ﬁ) stays as the draft has it."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber

from lianluo_desk.importers import import_file
from lianluo_desk.importers.report import ImportReport

from . import wordxml
from .conftest import cli

MATH = "速度𝐷=𝑣𝑡，于𝟐𝟎𝟐𝟒年测得。"
PLAIN = "速度D=vt，于2024年测得。"
KEPT = "第①项，气温30℃，ﬁ连字。"


def _docx(path: Path) -> Path:
    body = wordxml.p("关于测量结果的说明", '<w:jc w:val="center"/>') + wordxml.p(MATH)
    return wordxml.write(path, body + wordxml.p(KEPT) + wordxml.p("以上情况，特此说明。"))


def _text(path: Path) -> Path:
    path.write_text(f"关于测量结果的说明\n\n{MATH}\n\n{KEPT}\n\n以上情况，特此说明。\n", "utf-8")
    return path


def _body(path: Path) -> tuple[str, ImportReport]:
    report = ImportReport()
    arts, _ = import_file(path, report=report)
    return "\n".join(b.text for a in arts for b in a.blocks), report


def test_mathematical_letters_are_read_as_plain_letters(tmp_path):
    for draft in (_docx(tmp_path / "测量.docx"), _text(tmp_path / "测量.txt")):
        text, report = _body(draft)
        assert PLAIN in text and KEPT in text, draft
        assert report.rewritten == {"report.math_letters": 7}, draft
        assert "数学字母数字 7" in report.summary("zh")
        assert "mathematical letters and digits 7" in report.summary("en")


def test_a_draft_with_mathematical_letters_exports(tmp_path):
    issue = tmp_path / "issue.json"
    assert cli("new", str(issue), "--date", "2024-05-20").returncode == 0
    for draft in (_docx(tmp_path / "测量.docx"), _text(tmp_path / "测量.txt")):
        r = cli("add", str(issue), str(draft))
        assert r.returncode == 0, r.stderr
        assert "数学字母数字 7" in r.stdout or "mathematical letters and digits 7" in r.stdout
        assert "U+1D" not in r.stdout, r.stdout
    saved = json.dumps(json.loads(issue.read_text("utf-8")), ensure_ascii=False)
    assert saved.count(PLAIN) == 2 and saved.count(KEPT) == 2
    pdf = tmp_path / "out.pdf"
    r = cli("export", str(issue), "--pdf", str(pdf))
    assert r.returncode == 0, r.stderr
    with pdfplumber.open(pdf) as doc:
        printed = "".join(c["text"] for page in doc.pages for c in page.chars)
    assert printed.count("D=vt") == 2 and printed.count("2024年测得") == 2
    assert printed.count("①") == 2 and printed.count("30℃") == 2
