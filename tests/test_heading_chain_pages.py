"""A run of headings longer than half a page is not moved whole to the next page by the
layout, which breaks it where the page is full; the DOCX must let the word processor
break it there too (it would otherwise keep the whole run of keep-with-next headings
together and push the rest of the issue a page on)."""

from __future__ import annotations

import pytest

from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from . import pagestarts
from .conftest import FROZEN

TEXT = "各级人大代表围绕中心工作积极履职，认真听取群众意见，" * 6


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_long_run_of_headings_breaks_where_the_pdf_breaks(composer, template, tmp_path):
    issue = new_issue(template, FROZEN, 16, 667)
    blocks = [Block(BlockKind.PARAGRAPH, TEXT)]
    blocks += [Block(BlockKind.HEADING, f"第{k + 1}项工作支持", level=2) for k in range(14)]
    blocks += [Block(BlockKind.PARAGRAPH, TEXT) for _ in range(2)]
    issue.articles.append(Article(title=["代表工作情况"], blocks=blocks))
    doc = composer.compose(issue)
    heading_pages = {
        ln.block[1]: page.number
        for page in doc.pages
        for ln in page.lines
        if ln.role.startswith("heading")
    }
    assert len(set(heading_pages.values())) == 2  # the run straddles a page break
    off = pagestarts.off_in_word_processor(issue, template, doc, tmp_path)
    assert not off, off
