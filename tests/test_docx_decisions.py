"""The DOCX carries the layout's own record of its decisions: where working them out
again from the drawn pages went wrong, the word processor set another page than ours.

A picture ending the text on the 版记's page: its line is drawn on the picture's first
grid line only, so the blank lines above the 版记 counted from the last drawn line took
the picture's other grid lines for blank ones, and the 版记 moved to a page of its own in
the word processor. 联系方式 with a space at its end: the set line drops it, so finding
the row of 责任编辑 and 联系方式 by its text missed it, and the DOCX set them on two
rows, one line more than ours. 联系方式 on a row of its own that fits the 版记's width
only tightened: its squeezes were not carried, the word processor wrapped it, and the
版记 went over to a page of its own."""

from __future__ import annotations

import io
import math

import docx
import pytest
from PIL import Image

from lianluo_desk.export.docx import render_docx
from lianluo_desk.layout.boxes import ImageBox
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from . import pagestarts
from .banjirows import tight_row
from .conftest import FROZEN, past

TEXT = "各级人大代表围绕中心工作积极履职，认真听取群众意见，" * 3


def _picture_last(template, tmp_path):
    """Text onto page 2, a picture three grid lines high, then the 版记 on that page."""
    (tmp_path / "i.assets").mkdir()
    Image.new("RGB", (600, 150), (200, 50, 50)).save(tmp_path / "i.assets" / "p.png")
    issue = new_issue(template, FROZEN, 16, 667)
    issue.origin = str(tmp_path / "i.lld")
    blocks = [Block(BlockKind.PARAGRAPH, TEXT) for _ in range(6)]
    blocks.append(Block(BlockKind.IMAGE, path="i.assets/p.png"))
    issue.articles.append(Article(title=["报告"], blocks=blocks))
    return issue


def _banji_paragraphs(data: bytes) -> tuple[list[str], int]:
    """The 版记's paragraphs' texts, and the empty body paragraphs right above them."""
    paras = docx.Document(io.BytesIO(data)).paragraphs
    first = next(k for k, p in enumerate(paras) if p.style.name == "版记")
    k = first
    while k > 0 and paras[k - 1].style.name == "正文" and not paras[k - 1].text:
        k -= 1
    return [p.text for p in paras[first:] if p.style.name == "版记"], first - k


def test_blank_lines_above_the_banji_under_a_picture(composer, template, tmp_path):
    issue = _picture_last(template, tmp_path)
    doc = composer.compose(issue)
    g = template.geometry
    page = doc.pages[-1]
    (box,) = [x for x in page.items if isinstance(x, ImageBox)]
    below = math.ceil((box.y + box.height - g.top) / g.pitch - 1e-6)  # grid lines it takes
    first = min(ln.slot for ln in page.lines if ln.role == "footer")
    assert len(doc.pages) == 2 and first - below >= 1  # the case: room left under it
    _rows, blanks = _banji_paragraphs(render_docx(issue, template, doc))
    assert blanks == first - below


@pytest.mark.slow
def test_picture_then_banji_pages_as_ours_in_libreoffice(composer, template, tmp_path):
    issue = _picture_last(template, tmp_path)
    doc = composer.compose(issue)
    off = pagestarts.off_in_word_processor(issue, template, doc, tmp_path)
    assert not off, off


def test_editors_and_contact_row_with_a_space_after_the_contact(composer, template):
    issue = past("2022-no07").issue
    issue.banji.contact += " "
    doc = composer.compose(issue)
    lab = template.labels
    lines = [ln for ln in doc.pages[-1].lines if ln.role == "footer"]
    shared = [ln for ln in lines if lab["editors"] in ln.text and lab["contact"] in ln.text]
    assert len(shared) == 1  # the layout set them on one row
    rows, _blanks = _banji_paragraphs(render_docx(issue, template, doc))
    assert [r for r in rows if lab["editors"] in r] == [r for r in rows if lab["contact"] in r]
    assert len(rows) == len(issue.banji.distribution) + 2  # the groups, that row, 批准文号


def _contact(footer, n: int) -> None:
    """联系方式 longer, on a row of its own."""
    footer.contact = "0731—85309270，hnrldld" + "x" * (10 + n) + "@163.com"


@pytest.mark.slow
def test_contact_row_tightened_stays_one_line_in_libreoffice(composer, template, tmp_path):
    issue, doc = tight_row(composer, template, "contact", _contact)
    off = pagestarts.off_in_word_processor(issue, template, doc, tmp_path)
    assert not off, off


def test_blank_lines_above_the_banji_under_a_last_title(composer, template):
    """An article of a title alone ends the issue: the blank line under the title and
    those above the 版记 are one run of blank grid lines, written once."""
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(Article(title=["第一篇"], blocks=[Block(BlockKind.PARAGRAPH, TEXT)] * 5))
    issue.articles.append(Article(title=["只有标题"], blocks=[]))
    doc = composer.compose(issue)
    page = doc.pages[-1]
    title = max(ln.slot for ln in page.lines if ln.role == "title" and ln.block[0] == 1)
    first = min(ln.slot for ln in page.lines if ln.role == "footer")
    assert first - title - 1 >= 2  # the case: the title and the 版记 share a page
    _rows, blanks = _banji_paragraphs(render_docx(issue, template, doc))
    assert blanks == first - title - 1
