"""A line takes in the character that would start the next one when the marks on it
can give up the room (their blank halves), as the word processor of the prints does:
the prints' lines end where ours do only with it (the page cuts of the past issues)."""

from __future__ import annotations

from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from .conftest import FROZEN, past

# two-cell indent + 26 cells fill the line; the 27th character fits only if the two
# commas and the full stop on the line give up their blank halves
FULL = "甲乙丙丁戊，己庚辛壬癸。子丑寅卯，辰巳午未申酉戌亥天"
NEXT = "黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏。"


def _first_line(composer, template, text):
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(Article(title=["标题"], blocks=[Block(BlockKind.PARAGRAPH, text)]))
    doc = composer.compose(issue)
    lines = [ln for p in doc.pages for ln in p.lines if ln.block == (0, 0)]
    return lines[0], doc.pages[0].lines


def test_marks_give_room_to_take_the_next_character_in(composer, template):
    assert len(FULL) == 26
    first, _ = _first_line(composer, template, FULL + NEXT)
    g = template.geometry
    left = g.left
    assert first.text.replace(" ", "") == FULL + NEXT[0]
    # the line still ends on the text block's right edge, not beyond it
    assert abs(first.x1 - (left + g.text_width)) < 0.05
    # the room (one cell) came from the marks, set narrower by their blank halves
    taken = dict(first.squeezed)
    marks = [k for k, ch in enumerate(FULL) if ch in "，。"]
    assert sum(taken.get(k, 0.0) for k in marks) >= g.cell - 0.05
    assert len([k for k in marks if taken.get(k, 0.0) > 0.0]) >= 2


def test_a_line_without_marks_takes_nothing_in(composer, template):
    plain = "甲" * 26
    first, _ = _first_line(composer, template, plain + NEXT)
    assert first.text.replace(" ", "") == plain


def test_prints_line_ends_at_their_page_cuts(composer):
    """Each cut of a print ends a line of the print; count the cuts that end a line of
    ours too (before this rule: 1 of 15)."""
    hit = total = 0
    for name in ("2018-no01", "2021-no02", "2022-no07"):
        p = past(name)
        doc = composer.compose(p.issue)
        for a, b, off in p.cuts:
            acc, ends = 0, set()
            for page in doc.pages:
                for ln in page.lines:
                    if ln.block == (a, b):
                        acc += len(ln.text.replace(" ", "").replace("\u3000", ""))
                        ends.add(acc)
            total += 1
            hit += off in ends
    assert total == 15
    assert hit >= 7, hit
