"""A lone line of a paragraph at a page top or bottom is avoided where the grid allows:
the paragraph (or the one before) is set one line shorter by compressing punctuation."""

import dataclasses
import datetime as dt

from lianluo_desk.layout.engine import Composer
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue


def _issue(template, paras):
    issue = new_issue(template, dt.date(2022, 8, 15))
    issue.banji.distribution = []
    issue.banji.editors = []
    issue.banji.contact = issue.banji.approval = ""
    issue.articles = [Article(blocks=[Block(BlockKind.PARAGRAPH, p) for p in paras])]
    return issue


def _lines_of(doc, block):
    return [(p.number, ln.slot) for p in doc.pages for ln in p.lines if ln.block == (0, block)]


def test_widow_pulled_back_by_compression(template, composer):
    room = template.geometry.lines - int(template.rhythm["masthead_lines"])
    filler = "甲" * (26 + 28 * (room - 2))  # exactly room-1 lines
    widow = "乙，" * 15  # two lines set plainly, one line with compressed commas
    doc = composer.compose(_issue(template, [filler, widow]))
    where = _lines_of(doc, 1)
    assert where == [(1, template.geometry.lines - 1)]
    line = [ln for ln in doc.pages[0].lines if ln.block == (0, 1)][0]
    assert line.x1 <= 184 * 72 / 25.4 + 0.01


def test_orphan_avoided_by_tightening_the_paragraph_before(template, fonts):
    """In a format whose lines take nothing in by compressing marks (``fit_marks``
    off), pagination may still ask the paragraph before for one line less."""
    plain = dataclasses.replace(
        template, geometry=dataclasses.replace(template.geometry, fit_marks=False)
    )
    composer = Composer(plain, fonts)
    room = template.geometry.lines - int(template.rhythm["masthead_lines"])
    before = "丙" * 20 + "丁，" * (3 + 14 * (room - 2))  # room-1 lines; compressible
    orphan = "戊" * 120
    doc = composer.compose(_issue(template, [before, orphan]))
    first_page = [slot for page, slot in _lines_of(doc, 1) if page == 1]
    assert len(first_page) != 1
    assert len(_lines_of(doc, 0)) == room - 2
    # the page stays full
    assert max(ln.slot for ln in doc.pages[0].lines) == template.geometry.lines - 1


def test_without_compressible_marks_the_grid_wins(template, composer):
    room = template.geometry.lines - int(template.rhythm["masthead_lines"])
    filler = "甲" * (26 + 28 * (room - 2))
    widow = "乙" * 40
    doc = composer.compose(_issue(template, [filler, widow]))
    assert _lines_of(doc, 1) == [(1, template.geometry.lines - 1), (2, 0)]
