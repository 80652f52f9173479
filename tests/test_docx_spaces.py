"""A form aligned with runs of no-break spaces (as WPS and pasted text have them) breaks
its lines where the PDF does in LibreOffice's rendering of the DOCX: LibreOffice applies
no character spacing to a no-break space, so what the layout took off such a line
(compressed marks) must be stated on its other characters."""

from __future__ import annotations

import pytest

from lianluo_desk.export.docx import render_docx
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from . import pagestarts
from .conftest import FROZEN
from .lo import to_pdf

NBSP = "\u00a0"


def _form(template):
    issue = new_issue(template, FROZEN, 1, 1)
    paras = [
        f"单位名称：{NBSP * n}联系人：{NBSP * 6}电话：此行之后还有文字用来换行。"
        for n in range(40, 76, 7)
    ]
    issue.articles = [
        Article(title=["报名表"], blocks=[Block(BlockKind.PARAGRAPH, text=x) for x in paras])
    ]
    return issue


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_lines_aligned_with_no_break_spaces_break_as_in_the_pdf(composer, template, tmp_path):
    issue = _form(template)
    doc = composer.compose(issue)
    ours = [pagestarts._clean(ln.text) for p in doc.pages for ln in p.lines if ln.role == "body"]
    # the layout compressed marks on lines that hold no-break spaces
    tight = [ln for p in doc.pages for ln in p.lines if ln.squeezed and NBSP in ln.text]
    assert tight
    docx = tmp_path / "form.docx"
    docx.write_bytes(render_docx(issue, template, doc))
    pdf = to_pdf(docx, tmp_path / "lo")
    theirs = pagestarts.rows_after(pdf, "报名表", len(ours))  # the 版记 follows
    assert theirs == ours
