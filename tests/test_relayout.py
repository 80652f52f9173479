"""Laying an issue out again after an edit, with the composer the app keeps: the pages
are those of a fresh layout of the edited issue, and the paragraph cache does not grow."""

from __future__ import annotations

import copy

import pytest

from lianluo_desk.export.trace import trace
from lianluo_desk.layout.engine import Composer


@pytest.mark.slow
def test_relayout_equals_a_fresh_layout(big_issue, template, fonts):
    kept = Composer(template, fonts)
    issue = copy.deepcopy(big_issue)
    kept.compose(issue)

    def grow(i):
        block = i.articles[1].blocks[3]
        block.text += "新增一句话。"

    edits = [
        grow,
        lambda i: i.articles[0].blocks.pop(5),
        lambda i: i.articles.insert(0, i.articles.pop(2)),
        lambda i: setattr(i.articles[2].blocks[0], "text", "改写的段落。" * 30),
    ]
    for edit in edits:
        edit(issue)
        again = kept.compose(issue)
        fresh = Composer(template, fonts).compose(issue)
        assert trace(again) == trace(fresh)


def test_the_cache_holds_only_what_the_issue_has(big_issue, template, fonts):
    kept = Composer(template, fonts)
    issue = copy.deepcopy(big_issue)
    kept.compose(issue)
    size = len(kept._cache)
    block = issue.articles[1].blocks[3]
    for k in range(100):
        block.text = block.text[:-1] + str(k % 10)
        kept.compose(issue)
    assert len(kept._cache) == size


@pytest.mark.slow
def test_edits_anywhere_give_the_pages_of_a_fresh_layout(big_issue, template, fonts):
    """Paragraphs, titles, the issue's note, the 版记 and whole pages are kept between
    layouts: an edit at the start, in the middle or at the end of the issue, one that
    moves every later page and its undoing each give what a fresh composer gives."""
    kept = Composer(template, fonts)
    issue = copy.deepcopy(big_issue)
    first = kept.compose(issue)
    last_art = len(issue.articles) - 1

    def append(ai, bi, text):
        def edit(i):
            i.articles[ai].blocks[bi].text += text

        return edit

    def retitle(i):
        i.articles[last_art].title = [*i.articles[last_art].title[:-1], "改过的标题"]

    def recipients(i):
        i.banji.distribution[0].text += "、新增单位"

    def undo(i):
        i.articles[0].blocks[1].text = big_issue.articles[0].blocks[1].text

    edits = [
        append(0, 1, "补"),
        append(0, 1, "补充的一整段话，足以多占一行。" * 3),  # every later page moves
        undo,
        append(last_art // 2, 2, "中间段落的修改。"),
        append(last_art, len(issue.articles[last_art].blocks) - 1, "末尾。"),
        retitle,
        recipients,
        lambda i: setattr(i, "note", "本期编者按。"),
    ]
    reused = 0
    for edit in edits:
        before = {id(p) for p in first.pages}
        edit(issue)
        again = kept.compose(issue)
        assert trace(again) == trace(Composer(template, fonts).compose(issue))
        reused += sum(id(p) in before for p in again.pages)
        first = again
    assert reused > 0  # unchanged pages were taken over, not drawn again
