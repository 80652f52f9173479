"""A picture taller than a page (a flowchart) under a heading: the two cannot share a
page, so the heading stays at the foot of the page before, as a word processor lets the
keep go, and the picture, made to fit a page with its caption, keeps its caption in the
word processor too; our DOCX paginates like our PDF."""

from __future__ import annotations

from PIL import Image

from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from . import pagestarts
from .conftest import FROZEN

TEXT = "各级人大代表围绕中心工作积极履职，认真听取群众意见，" * 5


def test_heading_over_a_tall_picture(composer, template, tmp_path):
    (tmp_path / "i.assets").mkdir()
    Image.new("RGB", (600, 1400), (40, 90, 160)).save(tmp_path / "i.assets" / "flow.png")
    issue = new_issue(template, FROZEN, 16, 667)
    issue.origin = str(tmp_path / "i.lld")  # pictures only from its own assets folder
    blocks = [Block(BlockKind.PARAGRAPH, TEXT) for _ in range(3)]
    blocks.append(Block(BlockKind.HEADING, "4.4 排队过程", level=3))
    blocks.append(
        Block(BlockKind.IMAGE, path="i.assets/flow.png", caption="图1 停车场排队系统过程")
    )
    blocks += [Block(BlockKind.PARAGRAPH, TEXT) for _ in range(3)]
    issue.articles.append(Article(title=["停车场仿真实验报告"], blocks=blocks))
    doc = composer.compose(issue)
    page_of: dict[int, list[int]] = {}  # the pages each block is set on
    for page in doc.pages:
        for ln in page.lines:
            if ln.role not in ("footer", "folio", "masthead") and ln.block[0] == 0:
                page_of.setdefault(ln.block[1], []).append(page.number)
    assert page_of[3] == page_of[2][-1:]  # the heading under the text before it, not alone
    assert set(page_of[4]) == {page_of[3][0] + 1}  # the picture and its caption together
    off = pagestarts.off_in_word_processor(issue, template, doc, tmp_path)
    assert not off, off
