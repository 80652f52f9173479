"""A line that gave a character to the paragraph's last line (no one-character last
line) ends where the PDF's does in LibreOffice too. The DOCX widens it so the word
processor does not fill it again; widened to the very edge, as the PDF sets it, the word
processor's own rounding took one more character off (measured: "…共70余人参加 / 培训。"
came out "…共70余人参 / 加培训。")."""

from __future__ import annotations

import re

import pdfplumber
import pytest

from lianluo_desk.export.docx import render_docx
from lianluo_desk.model.store import load_issue
from lianluo_desk.service import SAMPLE_ISSUE

from .lo import to_pdf


def _clean(s: str) -> str:
    return re.sub(r"[\s\u200b]+", "", s)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["sample", "big"])
def test_widened_lines_end_where_the_pdf_ends_them(name, composer, template, tmp_path, big_issue):
    issue = load_issue(SAMPLE_ISSUE) if name == "sample" else big_issue
    doc = composer.compose(issue)
    widened = [
        _clean(ln.text)
        for page in doc.pages
        for ln in page.lines
        if ln.role == "body" and any(taken < 0 for _, taken in ln.squeezed)
    ]
    assert widened, "the issue has no line that gave a character away"
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(render_docx(issue, template, doc))
    with pdfplumber.open(to_pdf(docx, tmp_path / "lo")) as pdf:
        theirs = [_clean(line["text"]) for page in pdf.pages for line in page.extract_text_lines()]
    # a line the word processor starts where the PDF does (lines above it in the
    # paragraph may differ for other reasons) ends where the PDF ends it
    checked = [
        (ours, same)
        for ours in widened
        if (same := [line for line in theirs if line.startswith(ours[:-3])])
    ]
    assert len(checked) >= len(widened) / 2, (widened, theirs)
    wrong = [(ours, lo) for ours, lo in checked if ours not in lo]
    assert not wrong, wrong
