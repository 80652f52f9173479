"""Laying an issue out again after an edit, with the composer the app keeps: the pages
are those of a fresh layout of the edited issue, and the paragraph cache does not grow."""

from __future__ import annotations

import copy

from lianluo_desk.export.trace import trace
from lianluo_desk.layout.engine import Composer


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
