"""The DOCX carries the layout's record of the 版记, the titles and the captions: where
the writer broke a title by the layout's rules again, or left a row's squeezes or
indentation out, the word processor set it otherwise than our PDF.

A 批准文号 that fits its row only with its marks tightened: its squeezes were not
carried, and the word processor wrapped it. A caption over two lines: its line starts
were not carried, so its runs did not end where the layout's lines do. A 联系方式 row
the layout wrapped: LibreOffice broke it elsewhere and set its second line at the left
margin, ours stands inset with the 版记's block."""

from __future__ import annotations

import io

import docx
import pdfplumber
import pytest
from PIL import Image

from lianluo_desk.export.docx import render_docx
from lianluo_desk.layout.decisions import block_key
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from . import pagestarts
from .banjirows import tight_row
from .conftest import FROZEN, past

TEXT = "各级人大代表围绕中心工作积极履职，认真听取群众意见，" * 3


def _approval(footer, n: int) -> None:
    """The 批准文号 longer, with marks the 版记 sets at half width."""
    footer.approval += "，内部资料" + "，注意保存" * (n // 4) + "，存" * (n % 4)


@pytest.mark.slow
def test_approval_tightened_stays_one_line_in_libreoffice(composer, template, tmp_path):
    issue, doc = tight_row(composer, template, "approval", _approval)
    off = pagestarts.off_in_word_processor(issue, template, doc, tmp_path)
    assert not off, off
    with pdfplumber.open(tmp_path / "lo" / "i.pdf") as pdf:
        lines = (pdf.pages[-1].extract_text() or "").splitlines()
    approval = template.labels["approval"] + issue.banji.approval
    assert [x.replace(" ", "") for x in lines if template.labels["approval"] in x] == [approval]


@pytest.mark.parametrize(
    "title",
    [
        "关于进一步加强和改进新时代人大代表联络工作推动代表更好依法履职的若干意见",
        "关于开展“人大代表之家”“人大代表联络站”规范化建设的通知",  # kept whole
    ],
)
def test_title_lines_as_the_layout_broke_them(composer, template, title):
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(Article(title=[title], blocks=[Block(BlockKind.PARAGRAPH, TEXT)]))
    doc = composer.compose(issue)
    drawn = [ln.text for ln in doc.pages[0].lines if ln.role == "title"]
    assert len(drawn) >= 2 and "".join(drawn) == title  # the case: a title broken
    assert doc.decisions.title_lines(0) == tuple(drawn)
    paras = docx.Document(io.BytesIO(render_docx(issue, template, doc))).paragraphs
    (written,) = [p for p in paras if p.style.name == "标题"]
    assert written.text.split("\n") == drawn


def _run_starts(p) -> set[int]:
    """Where each run of the paragraph starts, as a character index of its text."""
    out, at = set(), 0
    for r in p.runs:
        out.add(at)
        at += len(r.text)
    return out


def test_caption_lines_as_the_layout_set_them(composer, template, tmp_path):
    (tmp_path / "i.assets").mkdir()
    Image.new("RGB", (600, 300), (200, 50, 50)).save(tmp_path / "i.assets" / "p.png")
    issue = new_issue(template, FROZEN, 16, 667)
    issue.origin = str(tmp_path / "i.lld")
    caption = "图1 各级人大代表围绕中心工作积极履职认真听取群众意见反映群众诉求推动解决实际问题"
    blocks = [Block(BlockKind.PARAGRAPH, TEXT), Block(BlockKind.IMAGE, path="i.assets/p.png")]
    blocks[1].caption = caption
    issue.articles.append(Article(title=["报告"], blocks=blocks))
    doc = composer.compose(issue)
    lines = doc.decisions.lines(block_key(0, 1))
    drawn = [ln for p in doc.pages for ln in p.lines if ln.role == "caption"]
    assert len(drawn) >= 2 and lines.starts == {ln.start for ln in drawn}  # the case: wrapped
    paras = docx.Document(io.BytesIO(render_docx(issue, template, doc))).paragraphs
    (written,) = [p for p in paras if p.style.name == "图题" and p.text]
    assert written.text == caption
    assert lines.starts <= _run_starts(written)  # the word processor's lines end there too


def _lo_lines(pdf_path, page: int) -> dict[str, float]:
    """The word processor's lines of a page: text (no blanks) → x of its first glyph."""
    with pdfplumber.open(pdf_path) as pdf:
        lines = pdf.pages[page].extract_text_lines()
    return {"".join(ln["text"].split()): ln["x0"] for ln in lines}


@pytest.mark.slow
def test_wrapped_contact_row_inset_as_ours_in_libreoffice(composer, template, tmp_path):
    issue = past("2022-no07").issue
    issue.banji.contact = (
        "0731-88888888，湖南省长沙市开福区湘江北路三段一号省人大常委会联工委联络处"
    )
    doc = composer.compose(issue)
    b = doc.decisions.banji
    assert b is not None
    (row,) = [r for r in b.rows if r.kind == "contact"]
    mine = [ln for ln in doc.pages[-1].lines if ln.role == "footer" and ln.block[0] == -3]
    wrapped = [
        ln
        for ln in mine
        if row.slot < ln.slot
        and not any(
            ln.text.startswith(template.labels[k]) for k in ("editors", "contact", "approval")
        )
    ]
    assert len(row.lines.starts) == 2 and len(wrapped) == 1  # the case: the row wrapped
    off = pagestarts.off_in_word_processor(issue, template, doc, tmp_path)
    assert not off, off
    theirs = _lo_lines(tmp_path / "lo" / "i.pdf", len(doc.pages) - 1)
    for ln in mine:  # every row's lines, the wrapped one included, where ours are
        text = "".join(ln.text.split())
        assert text in theirs, (text, theirs)  # broken where ours is
        assert theirs[text] == pytest.approx(ln.x0, abs=0.5), text
