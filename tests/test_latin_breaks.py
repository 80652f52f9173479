"""Latin text (code quoted in a draft) breaks where Unicode line breaking and the word
processors break it: after a hyphen before a letter, never between a word and the
bracket after it; so LibreOffice's rendering of the DOCX has the PDF's lines."""

from __future__ import annotations

import pytest

from lianluo_desk.export.docx import render_docx
from lianluo_desk.layout.kinsoku import joins_latin
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from . import pagestarts
from .conftest import FROZEN
from .lo import to_pdf

# braces left out: an opening mark before a space ("{ ") may end a line of the PDF,
# not of LibreOffice, which applies the no-line-end list across the space
CODE = (
    "util.setCaretPosition = function(obj, pos) if(obj.setSelectionRange) obj.focus(); "
    "obj.setSelectionRange(pos,pos); else if (obj.createTextRange) var range = "
    "ctrl.createTextRange(); range.collapse(true); range.moveEnd('character', pos); "
    "range.moveStart('character', -obj.value.length); Sel.moveStart('character', "
    "-obj.value.length); CaretPos = Sel.text.length; well-known e-mail COVID-19"
)


def test_break_opportunities():
    assert joins_latin("f", "(", "x")  # f(x): no break before the bracket
    assert not joins_latin("-", "o", "b")  # -|obj
    assert joins_latin("-", "1", "9")  # COVID-19 stays whole
    assert joins_latin("8", "-", "0")  # 2018-01-31


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_code_lines_break_as_in_libreoffice(composer, template, tmp_path):
    issue = new_issue(template, FROZEN, 1, 1)
    paras = [f"示例{'之' * k}：{CODE}" for k in range(0, 12, 2)]
    issue.articles = [
        Article(title=["代码"], blocks=[Block(BlockKind.PARAGRAPH, text=x) for x in paras])
    ]
    doc = composer.compose(issue)
    ours = [pagestarts._clean(ln.text) for p in doc.pages for ln in p.lines if ln.role == "body"]
    docx = tmp_path / "code.docx"
    docx.write_bytes(render_docx(issue, template, doc))
    pdf = to_pdf(docx, tmp_path / "lo")
    theirs = pagestarts.rows_after(pdf, "代码", len(ours))  # the 版记 follows
    assert theirs == ours
