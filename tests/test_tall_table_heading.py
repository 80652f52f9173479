"""A heading kept with a table whose one row is taller than a page and may not break
(``w:cantSplit``): neither can move the row whole, so the row starts right under the
heading and runs over pages as such a row does, the heading never alone on a page; the
DOCX lets the row break there, so LibreOffice sets it on the heading's page too."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from lianluo_desk.export.docx import render_docx
from lianluo_desk.layout.boxes import Document
from lianluo_desk.model.issue import Article, Block, BlockKind, Issue
from lianluo_desk.model.table import Row, Table, normalise
from lianluo_desk.service import new_issue

from .conftest import FROZEN
from .lo import to_pdf
from .tabledata import cell

TEXT = "各级人大代表围绕中心工作积极履职，认真听取群众意见，" * 5
HEADING = "二、创意计划书简要介绍"
FIRST = "第1段　本项目围绕代表履职服务平台建设开展，内容详实。"


def _issue(template, before: int) -> Issue:
    """``before`` paragraphs of five lines, the heading, a one-cell table of about thirty
    lines whose row may not break, two paragraphs after it."""
    issue = new_issue(template, FROZEN, 16, 667)
    blocks = [Block(BlockKind.PARAGRAPH, TEXT) for _ in range(before)]
    blocks.append(Block(BlockKind.HEADING, HEADING, level=1))
    body = "\n".join(FIRST.replace("1", str(k)) for k in range(1, 30))
    t = normalise(Table([Row([cell(body)], cant_split=True)], widths=[1.0]))
    blocks.append(Block(BlockKind.TABLE, table=t))
    blocks += [Block(BlockKind.PARAGRAPH, TEXT) for _ in range(2)]
    issue.articles.append(Article(title=["创意计划书"], blocks=blocks))
    return issue


def _lo_page_of(pdf: Path, text: str) -> int:
    with pdfplumber.open(pdf) as doc:
        for k, page in enumerate(doc.pages):
            if text in "".join((page.extract_text() or "").split()):
                return k + 1
    raise AssertionError(text)


def _body(doc: Document):
    return [
        [ln for ln in p.lines if ln.role not in ("folio", "masthead", "footer")] for p in doc.pages
    ]


# three paragraphs leave the heading low on page 2; seven fill page 2, so the heading
# opens page 3
@pytest.mark.parametrize("before", [3, 7])
def test_heading_over_a_row_taller_than_a_page(composer, template, tmp_path, before):
    g = template.geometry
    issue = _issue(template, before)
    doc = composer.compose(issue)
    table = (0, before + 1)
    for page, lines in zip(doc.pages, _body(doc), strict=True):
        cells = [b for b in page.cells if b.block == table]
        if any(ln.role.startswith("heading") for ln in lines):
            # never a heading alone on a page (blank lines aside): the table shares it
            assert cells and len(lines) > 2, page.number
    heading = next((p, ln) for p in doc.pages for ln in p.lines if ln.role.startswith("heading"))
    page, line = heading
    first = [b for b in page.cells if b.block == table and b.row == 0]
    assert first, "the table starts on the heading's page"
    assert round((first[0].top - g.top) / g.pitch) == line.slot + 1  # right under it
    holding = [p.number for p in doc.pages if any(b.block == table for b in p.cells)]
    assert len(holding) >= 2 and holding[0] == page.number  # over pages from there
    # LibreOffice sets our DOCX alike: the heading on the table's first page
    docx = tmp_path / "i.docx"
    docx.write_bytes(render_docx(issue, template, doc))
    pdf = to_pdf(docx, tmp_path / "lo")
    with pdfplumber.open(pdf) as lo:
        assert abs(len(lo.pages) - len(doc.pages)) <= 1
    cell_first = "".join(FIRST.split())
    assert _lo_page_of(pdf, HEADING) == _lo_page_of(pdf, cell_first) == page.number
